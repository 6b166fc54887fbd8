package org.suggestionbox.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real MongoDB driver against the local stack's MongoDB-wire backend, on a file in a temp folder. */
class MongoWireBackendTests {

    @TempDir
    Path dataDir;

    private MongoWireBackend backend;

    private MongoServer server;

    private MongoClient client;

    private MongoCollection<Document> ideas;

    @BeforeEach
    void setUp() {
        this.backend = new MongoWireBackend(this.dataDir.resolve("mongo.mv").toString());
        this.server = new MongoServer(this.backend);
        InetSocketAddress address = this.server.bind();
        this.client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort() + "/?uuidRepresentation=standard");
        this.ideas = this.client.getDatabase("router").getCollection("ideas");
        for (int i = 0; i < 50; i++) {
            this.ideas.insertOne(new Document("_id", "idea-" + i)
                    .append("version", i % 3)
                    .append("ownerId", "owner-" + i % 5)
                    .append("tags", List.of("t" + i % 2)));
        }
    }

    @AfterEach
    void tearDown() {
        this.client.close();
        this.server.shutdownNow();
    }

    @Test
    void listingTheDatabasesAnswersFromTheOpenOnesInsteadOfOpeningThemAgain() {
        de.bwaldvogel.mongo.MongoDatabase served = this.backend.resolveDatabase("router");

        assertThat(this.client.listDatabaseNames().into(new ArrayList<>())).contains("router");

        // opening reads every document of the database into memory: once, not for every health check
        assertThat(this.backend.openOrCreateDatabase("router")).isSameAs(served);
        this.client.getDatabase("router").drop();
        assertThat(this.backend.openOrCreateDatabase("router")).isNotSameAs(served);
    }

    @Test
    void theServerCountsCommandsAndTheDocumentsTheyWrotePerCollection() {
        // setUp inserted 50 ideas one by one
        this.ideas.insertMany(List.of(new Document("_id", "a"), new Document("_id", "b"), new Document("_id", "c")));
        this.ideas.bulkWrite(List.of(
                new UpdateOneModel<>(Filters.eq("_id", "a"), Updates.set("x", 1)),
                new UpdateOneModel<>(Filters.eq("_id", "b"), Updates.set("x", 1))));
        this.ideas.find(Filters.eq("_id", "a")).first();
        this.client.getDatabase("notifier").getCollection("deliveries").deleteOne(Filters.eq("_id", "none"));

        Document counts = this.client.getDatabase("admin").runCommand(new Document(OperationCounts.COMMAND, 1));

        assertThat(counts.getList("operations", Document.class))
                .filteredOn(operation -> !"admin".equals(operation.getString("database")))
                .extracting(operation -> operation.getString("database") + "." + operation.getString("collection") + " "
                        + operation.getString("command") + " " + operation.get("commands") + "/"
                        + operation.get("written"))
                .containsExactly(
                        "notifier.deliveries delete 1/1",
                        "router.ideas find 1/0",
                        "router.ideas insert 51/53",
                        "router.ideas update 1/2");
    }

    @Test
    void noDataSizeIsKeptSoNoWriteEncodesItsDocumentsForIt() {
        this.ideas.updateMany(new Document(), Updates.set("title", "x".repeat(1_000)));
        this.ideas.deleteOne(Filters.eq("_id", "idea-0"));

        Document stats = this.client.getDatabase("router").runCommand(new Document("collStats", "ideas"));
        assertThat(stats.get("count", Number.class).longValue()).isEqualTo(49);
        assertThat(stats.get("size", Number.class).longValue()).isZero();
    }

    @Test
    void anIdWithFurtherConditionsIsLookedUpInTheIdIndex() {
        long scans = fullScans();

        assertThat(this.ideas
                        .find(new Document("_id", "idea-7").append("version", 1))
                        .first())
                .isNotNull();
        assertThat(this.ideas
                        .find(new Document("_id", "idea-7").append("version", 2))
                        .first())
                .isNull();
        assertThat(this.ideas
                        .find(Filters.and(Filters.eq("_id", "idea-8"), Filters.ne("ownerId", "owner-1")))
                        .first())
                .isNotNull();
        assertThat(this.ideas
                        .replaceOne(
                                new Document("_id", "idea-9").append("version", 0),
                                new Document("ownerId", "owner-9").append("version", 1))
                        .getModifiedCount())
                .isOne();
        assertThat(this.ideas
                        .updateOne(new Document("_id", "idea-9").append("version", 0), Updates.set("x", 1))
                        .getModifiedCount())
                .as("the stale version no longer matches")
                .isZero();

        assertThat(fullScans()).isEqualTo(scans);
    }

    @Test
    void anInOnTheIdIsLookedUpInTheIdIndexAlsoBesideOtherConditions() {
        long scans = fullScans();

        assertThat(this.ideas
                        .find(Filters.and(
                                Filters.in("_id", List.of("idea-1", "idea-2", "idea-4", "none")),
                                Filters.eq("version", 1)))
                        .map(idea -> idea.getString("_id"))
                        .into(new ArrayList<>()))
                .containsExactlyInAnyOrder("idea-1", "idea-4");
        assertThat(this.ideas
                        .find(Filters.in("_id", List.of("idea-3", "idea-3", "none")))
                        .map(idea -> idea.getString("_id"))
                        .into(new ArrayList<>()))
                .containsExactly("idea-3");
        assertThat(this.ideas.find(Filters.in("_id", List.of())).first()).isNull();

        assertThat(fullScans()).isEqualTo(scans);
    }

    @Test
    void aCompoundUniqueIndexServesAnAndOfItsFields() {
        MongoCollection<Document> ledger = this.client.getDatabase("notifier").getCollection("ledger");
        ledger.createIndex(Indexes.ascending("event", "recipient", "channel"), new IndexOptions().unique(true));
        for (int i = 0; i < 20; i++) {
            ledger.insertOne(new Document("event", "e" + i)
                    .append("recipient", "r" + i % 4)
                    .append("channel", "EMAIL")
                    .append("state", "CLAIMED"));
        }
        long scans = fullScans("notifier", "ledger");

        Bson key =
                Filters.and(Filters.eq("event", "e6"), Filters.eq("recipient", "r2"), Filters.eq("channel", "EMAIL"));
        assertThat(ledger.findOneAndUpdate(Filters.and(key, Filters.ne("state", "SENT")), Updates.set("state", "SENT")))
                .isNotNull();
        assertThat(ledger.findOneAndUpdate(Filters.and(key, Filters.ne("state", "SENT")), Updates.set("state", "SENT")))
                .as("sent already")
                .isNull();
        assertThat(ledger.find(key).first()).containsEntry("state", "SENT");

        assertThat(fullScans("notifier", "ledger")).isEqualTo(scans);
    }

    @Test
    void conditionsNoIndexCoversStillReadTheWholeCollectionWithTheSameResults() {
        long scans = fullScans();

        assertThat(this.ideas.countDocuments(Filters.in("_id", "idea-1", "idea-2", "nope")))
                .isEqualTo(2);
        assertThat(fullScans())
                .as("the library looks $in on _id up in the index itself")
                .isEqualTo(scans);
        assertThat(this.ideas.countDocuments(Filters.eq("ownerId", "owner-2"))).isEqualTo(10);
        assertThat(this.ideas.countDocuments(
                        Filters.and(Filters.regex("_id", Pattern.compile("^idea-1")), Filters.eq("version", 1))))
                .as("idea-1, -10, -13, -16, -19")
                .isEqualTo(5);
        assertThat(this.ideas.countDocuments(Filters.eq("tags", "t1")))
                .as("array element match")
                .isEqualTo(25);

        assertThat(fullScans()).isEqualTo(scans + 3);
    }

    @Test
    void aSecondaryIndexAnswersEqualityInAndExistsWithTheResultsOfAFullScan() {
        MongoCollection<Document> indexed = this.client.getDatabase("router").getCollection("indexed");
        MongoCollection<Document> plain = this.client.getDatabase("router").getCollection("plain");
        indexed.createIndex(Indexes.ascending("ownerId", "state", "dueBy"));
        indexed.createIndex(Indexes.ascending("state", "dueBy"));
        indexed.createIndex(Indexes.ascending("submitters.personId"));
        indexed.createIndex(Indexes.ascending("outbox.eventId"), new IndexOptions().sparse(true));
        Random random = new Random(6);
        List<String> states = List.of("ASSIGNED", "UNDER_REVIEW", "DECLINED", "EXPLORING");
        for (int i = 0; i < 400; i++) {
            Document idea = randomIdea(random, states, "idea-" + i);
            indexed.insertOne(idea);
            plain.insertOne(new Document(idea));
        }
        for (int i = 0; i < 150; i++) {
            String id = "idea-" + random.nextInt(400);
            Bson change = switch (random.nextInt(4)) {
                case 0 -> Updates.set("ownerId", "owner-" + random.nextInt(8));
                case 1 -> Updates.set("state", states.get(random.nextInt(states.size())));
                case 2 -> Updates.set("outbox", List.of());
                default -> Updates.push("submitters", new Document("personId", "person-" + random.nextInt(30)));
            };
            indexed.updateOne(Filters.eq("_id", id), change);
            plain.updateOne(Filters.eq("_id", id), change);
        }
        indexed.deleteMany(Filters.eq("ownerId", "owner-3"));
        plain.deleteMany(Filters.eq("ownerId", "owner-3"));
        long scans = fullScans("router", "indexed");

        Date due = new Date(1_000_000L * 200);
        List<Bson> queries = List.of(
                Filters.and(Filters.eq("ownerId", "owner-2"), Filters.in("state", "ASSIGNED", "UNDER_REVIEW")),
                Filters.eq("ownerId", "owner-3"),
                Filters.eq("ownerId", 7),
                Filters.and(Filters.in("state", "ASSIGNED", "UNDER_REVIEW"), Filters.lt("dueBy", due)),
                Filters.and(Filters.in("state", "ASSIGNED"), Filters.nin("ownerId", "owner-1", "owner-2")),
                Filters.eq("submitters.personId", "person-4"),
                Filters.exists("outbox.eventId"),
                Filters.and(Filters.exists("outbox.eventId"), Filters.eq("ownerId", "owner-5")));
        for (Bson query : queries) {
            assertThat(ids(indexed.find(query)))
                    .as(query.toString())
                    .isEqualTo(ids(plain.find(query)))
                    .hasSizeLessThan(400);
        }
        assertThat(fullScans("router", "indexed"))
                .as("every query was answered from an index")
                .isEqualTo(scans);
        assertThat(indexed.countDocuments(Filters.eq("ownerId", "owner-4")))
                .isEqualTo(plain.countDocuments(Filters.eq("ownerId", "owner-4")))
                .isPositive();
        assertThat(indexed.countDocuments(Filters.in("state", "DECLINED"))).isPositive();
        assertThat(fullScans("router", "indexed")).isEqualTo(scans);
    }

    @Test
    void aCompoundIndexReadsOnlyTheEntriesWithItsFirstFieldsEqualAndTheNextInRange() {
        MongoCollection<Document> indexed = this.client.getDatabase("notifier").getCollection("indexed");
        MongoCollection<Document> plain = this.client.getDatabase("notifier").getCollection("plain");
        indexed.createIndex(Indexes.ascending("state", "published", "updatedAt"));
        Random random = new Random(8);
        for (int i = 0; i < 600; i++) {
            Document delivery = new Document("_id", "delivery-" + i)
                    .append("state", i % 10 == 0 ? "FAILED" : "SENT")
                    .append("published", random.nextInt(20) != 0)
                    .append("updatedAt", new Date(1_000L * random.nextInt(1_000)));
            indexed.insertOne(delivery);
            plain.insertOne(new Document(delivery));
        }
        indexed.updateMany(Filters.lt("updatedAt", new Date(100_000)), Updates.set("published", false));
        plain.updateMany(Filters.lt("updatedAt", new Date(100_000)), Updates.set("published", false));
        Date cutoff = new Date(500_000);
        Bson unpublished = Filters.and(
                Filters.eq("state", "SENT"), Filters.eq("published", false), Filters.lt("updatedAt", cutoff));
        long scans = fullScans("notifier", "indexed");
        long examined = examined("notifier", "indexed");

        List<Object> found = ids(indexed.find(unpublished).limit(100));

        assertThat(found).isEqualTo(ids(plain.find(unpublished).limit(100))).isNotEmpty();
        assertThat(examined("notifier", "indexed") - examined)
                .as("only entries with state SENT, published false and updatedAt up to the cutoff are read")
                .isLessThanOrEqualTo(plain.countDocuments(Filters.and(
                        Filters.eq("state", "SENT"), Filters.eq("published", false), Filters.lte("updatedAt", cutoff))))
                .isLessThan(plain.countDocuments(Filters.eq("state", "SENT")) / 4);
        List<Bson> queries = List.of(
                Filters.and(Filters.eq("state", "SENT"), Filters.gte("updatedAt", cutoff)),
                Filters.and(Filters.in("state", "SENT", "FAILED"), Filters.eq("published", true)),
                Filters.and(
                        Filters.eq("state", "FAILED"), Filters.eq("published", true), Filters.gt("updatedAt", cutoff)),
                Filters.and(
                        Filters.eq("state", "SENT"),
                        Filters.eq("published", true),
                        Filters.gt("updatedAt", new Date(700_000)),
                        Filters.lte("updatedAt", new Date(800_000))),
                Filters.and(Filters.eq("state", "SENT"), Filters.eq("published", false), Filters.lt("updatedAt", "z")),
                Filters.and(Filters.gt("state", "G"), Filters.eq("published", false)),
                Filters.and(Filters.gt("state", "Z"), Filters.lt("state", "A")));
        for (Bson query : queries) {
            assertThat(ids(indexed.find(query))).as(query.toString()).isEqualTo(ids(plain.find(query)));
        }
        assertThat(fullScans("notifier", "indexed"))
                .as("every query was answered from the index")
                .isEqualTo(scans);
    }

    @Test
    void aSortWithALimitReadsTheIndexInOrderAndStopsAtTheLimit() {
        MongoCollection<Document> indexed = this.client.getDatabase("router").getCollection("indexed");
        MongoCollection<Document> plain = this.client.getDatabase("router").getCollection("plain");
        indexed.createIndex(Indexes.ascending("outboxOldestAt"), new IndexOptions().sparse(true));
        Random random = new Random(9);
        for (int i = 0; i < 500; i++) {
            Document idea = new Document("_id", "idea-" + i).append("ownerId", "owner-" + i % 4);
            if (i % 2 == 0) {
                idea.append("outboxOldestAt", new Date(1_000L * random.nextInt(10_000)))
                        .append(
                                "outbox",
                                i % 10 == 0 ? List.of() : List.of(new Document("eventId", UUID.randomUUID())));
            }
            indexed.insertOne(idea);
            plain.insertOne(new Document(idea));
        }
        Bson pending = Filters.and(Filters.exists("outboxOldestAt"), Filters.exists("outbox.eventId"));
        long scans = fullScans("router", "indexed");
        long examined = examined("router", "indexed");

        List<Object> oldest = ids(
                indexed.find(pending).sort(Indexes.ascending("outboxOldestAt")).limit(10));

        assertThat(oldest)
                .isEqualTo(ids(plain.find(pending)
                        .sort(Indexes.ascending("outboxOldestAt"))
                        .limit(10)))
                .hasSize(10);
        assertThat(examined("router", "indexed") - examined)
                .as("the oldest entries are read until ten match (one in five has no event), of 250 with the field")
                .isLessThan(40);
        for (Bson sort : List.of(Indexes.ascending("outboxOldestAt"), Indexes.descending("outboxOldestAt"))) {
            assertThat(ids(indexed.find(pending).sort(sort).skip(5).limit(7)))
                    .as("skip 5, limit 7, %s", sort)
                    .isEqualTo(ids(plain.find(pending).sort(sort).skip(5).limit(7)));
            Bson owner = Filters.and(pending, Filters.eq("ownerId", "owner-2"));
            assertThat(ids(indexed.find(owner).sort(sort).limit(3)))
                    .as("with a condition the index does not hold, %s", sort)
                    .isEqualTo(ids(plain.find(owner).sort(sort).limit(3)));
        }
        assertThat(fullScans("router", "indexed")).isEqualTo(scans);
    }

    /**
     * Random documents, changes and queries (equality, {@code $in}, ranges, {@code $exists}, sorts with skip and limit)
     * on indexed and unindexed copies of a collection: the answers must agree. Sorted answers are compared by their
     * sort keys, since documents with equal keys may come in any order.
     */
    @Test
    void randomQueriesAnswerAsAFullScanDoes() {
        for (int seed = 0; seed < 5; seed++) {
            randomQueries(seed);
        }
    }

    private void randomQueries(int seed) {
        MongoCollection<Document> indexed =
                this.client.getDatabase("random" + seed).getCollection("indexed");
        MongoCollection<Document> plain =
                this.client.getDatabase("random" + seed).getCollection("plain");
        indexed.createIndex(Indexes.ascending("a", "b", "c"));
        indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("b"), Indexes.descending("c")));
        indexed.createIndex(Indexes.ascending("d"), new IndexOptions().sparse(true));
        indexed.createIndex(Indexes.ascending("tags"));
        Random random = new Random(seed);
        for (int i = 0; i < 300; i++) {
            Document document = randomDocument(random, i);
            indexed.insertOne(document);
            plain.insertOne(new Document(document));
        }
        for (int i = 0; i < 200; i++) {
            Bson filter = Filters.eq("_id", random.nextInt(300));
            if (random.nextInt(10) == 0) {
                indexed.deleteOne(filter);
                plain.deleteOne(filter);
                continue;
            }
            String field = FIELDS.get(random.nextInt(FIELDS.size()));
            Object value = randomValue(random, field);
            Bson change = value == null ? Updates.unset(field) : Updates.set(field, value);
            indexed.updateOne(filter, change);
            plain.updateOne(filter, change);
        }

        for (int i = 0; i < 400; i++) {
            List<Bson> conditions = new ArrayList<>();
            for (int c = 1 + random.nextInt(3); c > 0; c--) {
                conditions.add(randomCondition(random));
            }
            Bson query = Filters.and(conditions);
            List<Object> all = ids(plain.find(query));
            if (random.nextBoolean()) {
                assertThat(ids(indexed.find(query))).as(query.toString()).isEqualTo(all);
                continue;
            }
            String sortField = List.of("a", "b", "c", "d").get(random.nextInt(4));
            Bson sort = random.nextBoolean() ? Indexes.ascending(sortField) : Indexes.descending(sortField);
            int skip = random.nextInt(4);
            int limit = 1 + random.nextInt(12);
            List<Document> got =
                    indexed.find(query).sort(sort).skip(skip).limit(limit).into(new ArrayList<>());
            List<Document> expected =
                    plain.find(query).sort(sort).skip(skip).limit(limit).into(new ArrayList<>());
            assertThat(sortKeys(got, sortField))
                    .as("%s sorted by %s, skip %d, limit %d", query, sort, skip, limit)
                    .isEqualTo(sortKeys(expected, sortField));
            assertThat(all).as("%s: every answer matches", query).containsAll(ids(got));
        }
    }

    private static final List<String> FIELDS = List.of("a", "b", "c", "d", "tags");

    private static Document randomDocument(Random random, int id) {
        Document document = new Document("_id", id);
        for (String field : FIELDS) {
            Object value = randomValue(random, field);
            if (value != null) {
                document.append(field, value);
            }
        }
        return document;
    }

    /** A value for the field, or null for leaving it out. */
    private static @Nullable Object randomValue(Random random, String field) {
        if (random.nextInt(8) == 0) {
            return null;
        }
        return switch (field) {
            case "a" -> List.<Object>of("x", "y", "z", 1, 2.0, true).get(random.nextInt(6));
            case "b" -> random.nextInt(10);
            case "c" -> random.nextInt(5) == 0 ? "late" : new Date(1_000L * random.nextInt(100));
            case "d" -> new Date(1_000L * random.nextInt(50));
            default ->
                random.nextInt(4) == 0
                        ? random.nextInt(20)
                        : random.ints(random.nextInt(4), 0, 20).boxed().toList();
        };
    }

    private static Bson randomCondition(Random random) {
        String field = FIELDS.get(random.nextInt(FIELDS.size()));
        Object value = randomValue(random, field);
        if (value == null || value instanceof List<?>) {
            return Filters.exists(field, random.nextBoolean());
        }
        return switch (random.nextInt(7)) {
            case 6 -> new Document(field, new Document("$gte", value).append("$lt", above(random, value)));
            case 0 -> Filters.eq(field, value);
            case 1 -> Filters.in(field, value, random.nextInt(10));
            case 2 -> Filters.gt(field, value);
            case 3 -> Filters.gte(field, value);
            case 4 -> Filters.lt(field, value);
            default -> Filters.lte(field, value);
        };
    }

    /** A value of the same type above the given one, mostly: the other end of a range. */
    private static Object above(Random random, Object value) {
        return switch (value) {
            case Integer number -> number + random.nextInt(8);
            case Double number -> number + random.nextInt(8);
            case Date date -> new Date(date.getTime() + 1_000L * random.nextInt(30));
            case String text -> random.nextBoolean() ? text + "z" : "a";
            default -> value;
        };
    }

    /** The documents' values of the field, numbers as doubles (2 and 2.0 sort alike), absent as null. */
    private static List<@Nullable Object> sortKeys(List<Document> documents, String field) {
        List<@Nullable Object> keys = new ArrayList<>();
        for (Document document : documents) {
            Object value = document.get(field);
            keys.add(value instanceof Number number ? (Object) number.doubleValue() : value);
        }
        return keys;
    }

    @Test
    void aRangeOnAFieldHoldingArraysFindsWhatTheLibrarysFullScanFinds() {
        MongoCollection<Document> indexed = this.client.getDatabase("router").getCollection("indexed");
        MongoCollection<Document> plain = this.client.getDatabase("router").getCollection("plain");
        indexed.createIndex(Indexes.ascending("scores"));
        List<List<Integer>> scores = List.of(List.of(1, 20), List.of(7), List.of(3), List.of(30), List.of());
        for (int i = 0; i < scores.size(); i++) {
            Document document = new Document("_id", i).append("scores", scores.get(i));
            indexed.insertOne(document);
            plain.insertOne(new Document(document));
        }
        // one condition with both ends (the driver writes Filters.and of the two as an $and of two conditions)
        Bson between = new Document("scores", new Document("$gt", 5).append("$lt", 10));
        long scans = fullScans("router", "indexed");

        assertThat(ids(indexed.find(between)))
                .as("one element within both ends; MongoDB would also match [1, 20], by 20 > 5 and 1 < 10")
                .isEqualTo(ids(plain.find(between)))
                .containsExactly(1);
        assertThat(ids(indexed.find(Filters.and(Filters.gt("scores", 5), Filters.lt("scores", 10)))))
                .as("each end a condition of its own: each may be met by another element")
                .containsExactlyInAnyOrder(0, 1);
        assertThat(fullScans("router", "indexed")).isEqualTo(scans);
    }

    @Test
    void anAggregationStartingWithAMatchReadsItsCandidatesFromAnIndex() {
        MongoCollection<Document> indexed = this.client.getDatabase("router").getCollection("indexed");
        indexed.createIndex(Indexes.ascending("state", "dueBy"));
        Random random = new Random(7);
        List<String> states = List.of("ASSIGNED", "DECLINED");
        for (int i = 0; i < 200; i++) {
            indexed.insertOne(randomIdea(random, states, "idea-" + i));
        }
        List<Bson> pipeline = List.of(
                Aggregates.match(Filters.in("state", "ASSIGNED")),
                Aggregates.group("$ownerId", Accumulators.sum("open", 1)));
        Map<Object, Object> expected = new HashMap<>();
        for (Document idea : indexed.find(Filters.eq("state", "ASSIGNED"))) {
            expected.merge(idea.get("ownerId"), 1, (a, b) -> (Integer) a + (Integer) b);
        }
        long scans = fullScans("router", "indexed");

        Map<Object, Object> grouped = new HashMap<>();
        indexed.aggregate(pipeline).forEach(group -> grouped.put(group.get("_id"), group.get("open")));

        assertThat(grouped).isEqualTo(expected).isNotEmpty();
        assertThat(fullScans("router", "indexed")).isEqualTo(scans);
        assertThat(indexed.aggregate(List.of(Aggregates.group("$state", Accumulators.sum("n", 1))))
                        .into(new ArrayList<>()))
                .as("without a leading $match every document is read")
                .hasSize(2);
        assertThat(fullScans("router", "indexed")).isEqualTo(scans + 1);
    }

    @Test
    void aSecondaryIndexIsRebuiltFromTheFileWhenTheServerOpensItAgain() {
        Path file = this.dataDir.resolve("reopened.mv");
        onServer(file, (client, backend) -> {
            MongoCollection<Document> indexed = client.getDatabase("router").getCollection("indexed");
            indexed.createIndex(Indexes.ascending("ownerId"));
            for (int i = 0; i < 30; i++) {
                indexed.insertOne(new Document("_id", "idea-" + i).append("ownerId", "owner-" + i % 3));
            }
        });

        onServer(file, (client, backend) -> {
            MongoCollection<Document> indexed = client.getDatabase("router").getCollection("indexed");
            indexed.updateOne(Filters.eq("_id", "idea-1"), Updates.set("ownerId", "owner-2"));
            long scans = fullScans(backend, "router", "indexed");

            assertThat(indexed.countDocuments(Filters.eq("ownerId", "owner-1"))).isEqualTo(9);
            assertThat(indexed.countDocuments(Filters.eq("ownerId", "owner-2"))).isEqualTo(11);
            assertThat(fullScans(backend, "router", "indexed")).isEqualTo(scans);
        });
    }

    @Test
    void documentsAreWrittenAsBsonAndThoseWrittenWithJavaSerializationAreStillRead() {
        Path file = this.dataDir.resolve("formats.mv");
        Document everyType = new Document("_id", "typed")
                .append("text", "עברית and English")
                .append("int", 7)
                .append("long", 7_000_000_000L)
                .append("double", 2.5)
                .append("flag", true)
                .append("nothing", null)
                .append("at", new Date(1_700_000_000_000L))
                .append("uuid", UUID.fromString("7b5a1e8e-4a56-4c8e-9e7a-6f1d2c3b4a59"))
                .append("objectId", new ObjectId("64b7f0c2a1b2c3d4e5f60718"))
                .append("decimal", new Decimal128(new BigDecimal("12.345")))
                .append("bytes", new Binary(new byte[] {1, 2, 3}))
                .append("nested", new Document("list", List.of(1, "two", new Document("three", 3))));
        // the library's own H2 backend writes its documents with Java serialization
        MongoServer old = new MongoServer(new H2Backend(file.toString()));
        InetSocketAddress address = old.bind();
        try (MongoClient client =
                MongoClients.create("mongodb://127.0.0.1:" + address.getPort() + "/?uuidRepresentation=standard")) {
            client.getDatabase("router")
                    .getCollection("formats")
                    .insertOne(new Document(everyType).append("_id", "old"));
        } finally {
            old.shutdownNow();
        }

        onServer(file, (client, backend) -> {
            MongoCollection<Document> formats = client.getDatabase("router").getCollection("formats");
            assertThat(formats.find(Filters.eq("_id", "old")).first())
                    .as("written with Java serialization, read by this backend")
                    .isEqualTo(new Document(everyType).append("_id", "old"));
            formats.insertOne(everyType);
            formats.updateOne(Filters.eq("_id", "old"), Updates.set("changed", true));
        });

        onServer(file, (client, backend) -> {
            MongoCollection<Document> formats = client.getDatabase("router").getCollection("formats");
            assertThat(formats.find(Filters.eq("_id", "typed")).first()).isEqualTo(everyType);
            assertThat(formats.find(Filters.eq("_id", "old")).first())
                    .isEqualTo(new Document(everyType).append("_id", "old").append("changed", true));
        });
        MVStore store =
                new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> asBson = store.openMap(
                    "databases.router.formats",
                    new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>()
                            .valueType(BsonDocumentType.INSTANCE));
            assertThat(asBson.get("typed")).containsEntry("long", 7_000_000_000L);
        } finally {
            store.close();
        }
        MVStore again =
                new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            assertThatExceptionOfType(MVStoreException.class)
                    .as("H2's default type cannot read the pages: they are not Java serialization")
                    .isThrownBy(() -> again.openMap("databases.router.formats").get("typed"))
                    .withMessageContaining("Unsupported type");
        } finally {
            again.close();
        }
    }

    @Test
    void uniqueIndexesAreRebuiltFromTheFileAndStillRefuseDuplicates() {
        Path file = this.dataDir.resolve("unique.mv");
        onServer(file, (client, backend) -> {
            MongoCollection<Document> ideas = client.getDatabase("router").getCollection("unique");
            ideas.createIndex(Indexes.ascending("submissionKey"), new IndexOptions().unique(true));
            for (int i = 0; i < 30; i++) {
                ideas.insertOne(new Document("_id", "idea-" + i).append("submissionKey", "key-" + i));
            }
            ideas.deleteOne(Filters.eq("_id", "idea-3"));
        });

        onServer(file, (client, backend) -> {
            MongoCollection<Document> ideas = client.getDatabase("router").getCollection("unique");

            assertThat(duplicateKey(() -> ideas.insertOne(new Document("_id", "idea-7"))))
                    .as("an _id already stored")
                    .isTrue();
            assertThat(duplicateKey(() -> ideas.insertOne(new Document("_id", "new").append("submissionKey", "key-9"))))
                    .as("a unique key already stored")
                    .isTrue();
            assertThat(duplicateKey(
                            () -> ideas.insertOne(new Document("_id", "idea-3").append("submissionKey", "key-3"))))
                    .as("the _id and key of a deleted document")
                    .isFalse();
            assertThat(ideas.countDocuments()).isEqualTo(30);
            long scans = fullScans(backend, "router", "unique");
            assertThat(ideas.find(Filters.eq("submissionKey", "key-12")).first())
                    .extracting(idea -> idea.get("_id"))
                    .isEqualTo("idea-12");
            assertThat(fullScans(backend, "router", "unique"))
                    .as("the lookup by key reads the index")
                    .isEqualTo(scans);
        });
    }

    @Test
    void droppingACollectionThatDoesNotExistSucceedsAsOnMongoDbSinceSeven() {
        Document answer = this.client.getDatabase("router").runCommand(new Document("drop", "never_created"));

        assertThat(answer.get("ok")).isEqualTo(1.0);
        assertThat(this.client.getDatabase("router").listCollectionNames()).doesNotContain("never_created");

        this.client.getDatabase("router").runCommand(new Document("drop", "ideas"));
        assertThat(this.client.getDatabase("router").listCollectionNames()).doesNotContain("ideas");
    }

    @Test
    void anUpdateThatLeavesTheIndexedFieldsAloneKeepsTheEntryAndOneThatChangesThemMovesIt() {
        MongoCollection<Document> ideas = this.client.getDatabase("router").getCollection("ideas");
        ideas.createIndex(Indexes.ascending("owner.id", "state"));
        ideas.createIndex(Indexes.ascending("outbox.type"));
        ideas.insertOne(new Document("_id", "i1")
                .append("owner", new Document("id", "maya").append("name", "Maya"))
                .append("state", "ASSIGNED")
                .append("outbox", List.of(new Document("type", "IdeaAssigned")))
                .append("version", 1));

        // no indexed field touched, then a field beside an indexed one in the same subdocument
        ideas.updateOne(Filters.eq("_id", "i1"), Updates.inc("version", 1));
        ideas.updateOne(Filters.eq("_id", "i1"), Updates.set("owner.name", "Maya R."));
        assertThat(ids(ideas.find(Filters.and(Filters.eq("owner.id", "maya"), Filters.eq("state", "ASSIGNED")))))
                .containsExactly("i1");
        assertThat(ids(ideas.find(Filters.eq("outbox.type", "IdeaAssigned")))).containsExactly("i1");

        // the indexed values changed: an owner reassigned, the outbox emptied
        ideas.updateOne(Filters.eq("_id", "i1"), Updates.set("owner.id", "jan"));
        ideas.updateOne(Filters.eq("_id", "i1"), Updates.pull("outbox", new Document("type", "IdeaAssigned")));
        assertThat(ids(ideas.find(Filters.eq("owner.id", "maya")))).isEmpty();
        assertThat(ids(ideas.find(Filters.and(Filters.eq("owner.id", "jan"), Filters.eq("state", "ASSIGNED")))))
                .containsExactly("i1");
        assertThat(ids(ideas.find(Filters.eq("outbox.type", "IdeaAssigned")))).isEmpty();
    }

    @Test
    void anUpdateMayKeepOrChangeAUniqueKeyButNotTakeAnother() {
        MongoCollection<Document> deliveries =
                this.client.getDatabase("notifier").getCollection("deliveries");
        deliveries.createIndex(Indexes.ascending("event", "channel"), new IndexOptions().unique(true));
        deliveries.insertOne(new Document("_id", "d1").append("event", "e1").append("channel", "EMAIL"));
        deliveries.insertOne(new Document("_id", "d2").append("event", "e1").append("channel", "SLACK"));
        deliveries.insertOne(new Document("_id", UUID.fromString("00000000-0000-0000-0000-000000000003"))
                .append("event", "e2")
                .append("channel", 3));

        deliveries.updateOne(Filters.eq("_id", "d1"), Updates.set("state", "SENT"));
        deliveries.updateOne(Filters.eq("_id", "d2"), Updates.set("channel", "TEAMS"));
        deliveries.updateOne(
                Filters.eq("_id", UUID.fromString("00000000-0000-0000-0000-000000000003")),
                Updates.set("channel", 3.0));
        assertThat(duplicateKey(() -> deliveries.updateOne(Filters.eq("_id", "d2"), Updates.set("channel", "EMAIL"))))
                .as("another delivery's key")
                .isTrue();

        assertThat(ids(deliveries.find(Filters.eq("channel", "TEAMS")))).containsExactly("d2");
        assertThat(ids(deliveries.find(Filters.eq("state", "SENT")))).containsExactly("d1");
        assertThat(deliveries.countDocuments(Filters.eq("channel", 3))).isOne();
        deliveries.insertOne(new Document("_id", "d4").append("event", "e1").append("channel", "SLACK"));
        assertThat(duplicateKey(() -> deliveries.insertOne(
                        new Document("_id", "d5").append("event", "e1").append("channel", "TEAMS"))))
                .as("the changed key is the one the index holds")
                .isTrue();
    }

    /**
     * {@code $in} and {@code $nin} of strings, which the backend decides by a set lookup, against mongo-java-server's
     * own in-memory backend: the same documents found, and the same updates applied, as the dashboard counters and
     * the delivery ledger make them.
     */
    @Test
    void anInOrNotInOfStringsFindsAndUpdatesWhatTheLibrarysOwnMatcherDoes() {
        MongoServer library = new MongoServer(new MemoryBackend());
        InetSocketAddress address = library.bind();
        try (MongoClient libraryClient = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> ours = this.client.getDatabase("router").getCollection("counters");
            MongoCollection<Document> theirs =
                    libraryClient.getDatabase("router").getCollection("counters");
            List<Document> documents = List.of(
                    new Document("_id", 1).append("applied", List.of("e1", "e2", "e3")),
                    new Document("_id", 2).append("applied", List.of("e4")),
                    new Document("_id", 3).append("applied", List.of()),
                    new Document("_id", 4),
                    new Document("_id", 5).append("applied", "e1"),
                    new Document("_id", 6).append("applied", null),
                    new Document("_id", 7).append("applied", List.of(1, 2, List.of("e1"))),
                    new Document("_id", 8).append("applied", new Document("e1", 1)),
                    new Document("_id", 9).append("applied", List.of("e5")).append("n", 2));
            ours.insertMany(documents.stream().map(Document::new).toList());
            theirs.insertMany(documents.stream().map(Document::new).toList());
            List<Bson> filters = List.of(
                    Filters.nin("applied", "e1"),
                    Filters.nin("applied", "e1", "e4"),
                    Filters.nin("applied", "e9"),
                    Filters.and(Filters.eq("_id", 1), Filters.nin("applied", "e3", "e7")),
                    Filters.and(Filters.eq("_id", 2), Filters.nin("applied", "e3", "e7")),
                    Filters.and(Filters.gt("_id", 2), Filters.nin("applied", "e1"), Filters.exists("n", false)),
                    Filters.and(Filters.nin("applied", "e5"), Filters.nin("applied", "e1")),
                    new Document("applied", new Document("$nin", List.of("e1"))).append("_id", new Document("$lt", 6)),
                    Filters.in("applied", "e1", "e5"),
                    Filters.and(Filters.in("applied", "e1", "e4"), Filters.gt("_id", 1)),
                    Filters.in("_id", "1", "2"));
            for (Bson filter : filters) {
                assertThat(ids(ours.find(filter))).as("%s", filter).isEqualTo(ids(theirs.find(filter)));
            }

            for (MongoCollection<Document> counters : List.of(ours, theirs)) {
                for (List<String> batch : List.of(List.of("e2", "e6"), List.of("e6", "e7"), List.of("e8"))) {
                    counters.updateOne(
                            Filters.and(Filters.eq("_id", 1), Filters.nin("applied", batch)),
                            Updates.combine(Updates.inc("n", batch.size()), Updates.pushEach("applied", batch)));
                }
            }
            assertThat(ours.find(Filters.eq("_id", 1)).first())
                    .isEqualTo(theirs.find(Filters.eq("_id", 1)).first())
                    .isEqualTo(new Document("_id", 1)
                            .append("applied", List.of("e1", "e2", "e3", "e6", "e7", "e8"))
                            .append("n", 3));
            for (int id : List.of(1, 10)) {
                // the counter has e1 already: the upsert inserts a second _id 1 and fails; _id 10 is new
                Bson counter = Filters.and(Filters.eq("_id", id), Filters.nin("applied", "e1"));
                Bson increment = Updates.combine(Updates.inc("n", 1), Updates.push("applied", "e1"));
                assertThat(duplicateKey(() -> ours.updateOne(counter, increment, new UpdateOptions().upsert(true))))
                        .as("_id %d", id)
                        .isEqualTo(duplicateKey(
                                () -> theirs.updateOne(counter, increment, new UpdateOptions().upsert(true))))
                        .isEqualTo(id == 1);
            }
            for (MongoCollection<Document> counters : List.of(ours, theirs)) {
                counters.insertMany(List.of(new Document("_id", "d1"), new Document("_id", "d2")));
                assertThat(counters.updateMany(Filters.in("_id", "d1", "d2", "d9"), Updates.set("sent", true))
                                .getModifiedCount())
                        .isEqualTo(2);
                assertThat(counters.updateMany(Filters.in("_id", "d1", "d2"), Updates.set("sent", true))
                                .getMatchedCount())
                        .as("matched, not modified again")
                        .isEqualTo(2);
            }
            assertThat(ours.find().into(new ArrayList<>()))
                    .isEqualTo(theirs.find().into(new ArrayList<>()));
        } finally {
            library.shutdownNow();
        }
    }

    private static boolean duplicateKey(Runnable insert) {
        try {
            insert.run();
            return false;
        } catch (MongoWriteException ex) {
            return ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
    }

    private static void onServer(Path file, BiConsumer<MongoClient, MongoWireBackend> work) {
        MongoWireBackend backend = new MongoWireBackend(file.toString());
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client =
                MongoClients.create("mongodb://127.0.0.1:" + address.getPort() + "/?uuidRepresentation=standard")) {
            work.accept(client, backend);
        } finally {
            server.shutdownNow();
        }
    }

    private static Document randomIdea(Random random, List<String> states, String id) {
        Document idea = new Document("_id", id)
                .append("ownerId", "owner-" + random.nextInt(8))
                .append("state", states.get(random.nextInt(states.size())))
                .append("dueBy", new Date(1_000_000L * random.nextInt(400)))
                .append(
                        "submitters",
                        List.of(
                                new Document("personId", "person-" + random.nextInt(30)),
                                new Document("personId", "person-" + random.nextInt(30))));
        if (random.nextInt(5) == 0) {
            idea.append("outbox", List.of(new Document("eventId", UUID.randomUUID())));
        }
        if (random.nextInt(9) == 0) {
            idea.put("ownerId", 7);
        }
        return idea;
    }

    private static List<Object> ids(Iterable<Document> documents) {
        List<Object> ids = new ArrayList<>();
        documents.forEach(document -> ids.add(document.get("_id")));
        ids.sort(Comparator.comparing(Object::toString));
        return ids;
    }

    private long fullScans() {
        return fullScans("router", "ideas");
    }

    private long fullScans(String database, String collection) {
        return fullScans(this.backend, database, collection);
    }

    private long examined(String database, String collection) {
        var mongoDatabase = this.backend.resolveDatabase(database);
        return ((MongoWireBackend.IndexedCollection) mongoDatabase.resolveCollection(collection, true)).examined();
    }

    private static long fullScans(MongoWireBackend backend, String database, String collection) {
        var mongoDatabase = backend.resolveDatabase(database);
        return ((MongoWireBackend.IndexedCollection) mongoDatabase.resolveCollection(collection, true)).fullScans();
    }
}
