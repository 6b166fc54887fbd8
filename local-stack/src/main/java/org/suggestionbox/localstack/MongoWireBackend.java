package org.suggestionbox.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;

/**
 * mongo-java-server's H2 backend (data in one MVStore file) with differences from the library that
 * bring it closer to a real MongoDB:
 * <ul>
 * <li>{@code hello}, the handshake command Spring Boot's health indicator sends, gets the answer of its
 * legacy predecessor {@code isMaster}, which is all mongo-java-server 1.47 knows; without it the services'
 * health would stay DOWN.
 * <li>A unique index (the {@code _id} index among them) serves every query with equality conditions on
 * all of its fields, not only a query with exactly those fields. The library scans the whole collection
 * for {@code {_id: 7, version: 3}} (an optimistic-locking update) or for
 * {@code {$and: [{sourceEventId: …}, {recipientRef: …}, {channel: …}]}} (as the Java driver writes
 * {@code Filters.and}), so every such write got slower as data grew: 16 ms at 20,000 documents, 9 ms
 * with the collection cached, against under 1 ms through the index (measured for issue #6). MongoDB
 * looks the candidates up in the index and filters them with the rest of the query; so does this backend. An
 * {@code $in} on the field of a single-field unique index ({@code _id: {$in: […]}}) is looked up as well, also
 * inside an {@code $and}, where the library read the whole collection.
 * <li>Non-unique indexes are built ({@link SecondaryIndex}; the library accepts them and ignores them), and
 * answer equality, {@code $in} and, when sparse, {@code $exists: true} on their leading field; where
 * several apply, the smallest is read and the others filter it. An aggregation that starts with
 * {@code $match} reads its documents through the same lookup. The owner queue, the overdue count and the
 * dashboard's backlog read every one of a million ideas without this.
 * <li>Unique indexes, the {@code _id} index among them, are kept in memory ({@link UniqueIndex}) instead of
 * in the file, whose maps compare such keys by serializing them; they are rebuilt from the documents each time
 * the file is opened.
 * <li>Documents are written into the file as BSON ({@link BsonDocumentType}) instead of with Java serialization,
 * and read back with one string for each field name, not one per document.
 * <li>It counts what it is asked to do per collection and command ({@link OperationCounts}), for the benchmark's
 * operations per idea.
 * <li>The page cache is sized by the caller (H2's default is 16 MB): a document read from the file is
 * deserialized again on every miss.
 * <li>H2 gathers more changes before it commits them to the file, and splits its pages smaller, so that a changed
 * document costs less writing ({@link #AUTO_COMMIT_BUFFER_KILOBYTES}, {@link #PAGE_SPLIT_BYTES}).
 * <li>{@code drop} of a collection that does not exist succeeds, as on MongoDB since 7.0; the library answered
 * "ns not found" and logged it as an error with its stack, at every start of a router on an empty database (it
 * drops the collection its dashboard's backlog was once kept in).
 * </ul>
 * Candidates found this way are matched against the whole query by the library's own code, the same
 * that runs when the library itself chooses the index, so results do not change, only the time.
 */
final class MongoWireBackend extends H2Backend {

    /** The {@code $match} an aggregation on this thread starts with, until the collection takes it. */
    private static final ThreadLocal<LeadingMatch> LEADING_MATCH = new ThreadLocal<>();

    private record LeadingMatch(String collectionName, Document match) {}

    /** What the server was asked to do, answered to {@value OperationCounts#COMMAND}. */
    private final OperationCounts operations = new OperationCounts();

    /** Whether {@link #close()} closes the store; not for an in-memory store that outlives its server. */
    private final boolean closesStore;

    MongoWireBackend(String fileName) {
        this(fileName, MongoWireServer.DEFAULT_CACHE_MEGABYTES);
    }

    /**
     * How long H2 keeps a chunk of its file after its pages were rewritten elsewhere. A cursor reads the version of
     * the data it started on, so a scan that outlasts this fails with "Chunk … not found": the router's start reads
     * every idea into its similar-ideas index, several minutes with a million stored (H2's default, 45 s, failed it).
     */
    static final Duration RETENTION = Duration.ofMinutes(20);

    /**
     * How much changed data H2 gathers before it writes a commit to the file, unless its commit delay (a second)
     * comes first. A commit writes every changed page whole, each document on it encoded again; H2's default of
     * 1 MB, counted in whole pages, filled many times a second at 200 ideas/s, so the same pages were written over
     * and over: a delivery is claimed, marked sent and marked published within milliseconds.
     */
    static final int AUTO_COMMIT_BUFFER_KILOBYTES = 32 * 1024;

    /**
     * The size at which H2 splits a page of a collection's documents. A changed document has its whole page written
     * again at the next commit; with H2's default for a file, 16 KB, that was a page of small documents (deliveries,
     * inbox messages) for every one that changed. 4 KB is H2's default for a store in memory.
     */
    static final int PAGE_SPLIT_BYTES = 4 * 1024;

    /** @param cacheMegabytes how many megabytes of read pages (documents deserialized) H2 keeps */
    MongoWireBackend(String fileName, int cacheMegabytes) {
        this(fileStore(fileName, cacheMegabytes), true);
    }

    private static MVStore fileStore(String fileName, int cacheMegabytes) {
        MVStore store = new MVStore.Builder()
                .fileName(fileName)
                .cacheSize(cacheMegabytes)
                .autoCommitBufferSize(AUTO_COMMIT_BUFFER_KILOBYTES)
                .pageSplitSize(PAGE_SPLIT_BYTES)
                .open();
        store.setRetentionTime((int) RETENTION.toMillis());
        return store;
    }

    /**
     * @param store the store to serve, opened by the caller: a file, or one in memory
     * @param closesStore whether closing the backend closes the store too; an in-memory store that should serve
     *     the next backend after a restart is left open
     */
    MongoWireBackend(MVStore store, boolean closesStore) {
        super(store);
        this.closesStore = closesStore;
    }

    @Override
    public void close() {
        if (this.closesStore) {
            super.close();
        }
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (OperationCounts.COMMAND.equals(command)) {
            return operations.snapshot();
        }
        operations.count(database, command, query);
        if ("hello".equalsIgnoreCase(command)) {
            return super.handleCommand(channel, database, "isMaster", query);
        }
        return super.handleCommand(channel, database, command, query);
    }

    /**
     * Each database opened once. The library's {@code listDatabases} opens every database afresh to answer, and
     * opening one reads all its documents into memory and builds its indexes there: with a million ideas stored
     * every health check of every service (Spring Boot's MongoDB indicator lists the databases) read them all
     * again, and the server ran out of heap. Made on first use: the library's constructor opens the databases in
     * the file before this class's field initializers would run.
     */
    private @Nullable Map<String, MongoDatabase> opened;

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return opened().computeIfAbsent(databaseName, name -> new Database(name, getMvStore(), getCursorRegistry()));
    }

    @Override
    public void dropDatabase(String databaseName) {
        super.dropDatabase(databaseName);
        opened().remove(databaseName);
    }

    private synchronized Map<String, MongoDatabase> opened() {
        Map<String, MongoDatabase> databases = this.opened;
        if (databases == null) {
            databases = new ConcurrentHashMap<>();
            this.opened = databases;
        }
        return databases;
    }

    /** Opens its collections as {@link IndexedCollection}s, in the maps the library's own would use. */
    private final class Database extends H2Database {

        Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
            super(databaseName, store, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            return new UniqueIndex(indexName, keys, sparse);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            return new SecondaryIndex(indexName, keys, sparse);
        }

        /**
         * The library runs an aggregation over every document of the collection and filters with its
         * {@code $match} stage afterwards; a leading {@code $match} is handed to the collection instead, which
         * reads its candidates from the indexes, as MongoDB does. The stage still runs, on fewer documents.
         */
        @Override
        public Document handleCommand(
                Channel channel, String command, Document query, DatabaseResolver databaseResolver, Oplog oplog) {
            if ("drop".equalsIgnoreCase(command)
                    && resolveCollection(String.valueOf(query.get(command)), false) == null) {
                return new Document("ok", 1.0);
            }
            if ("aggregate".equalsIgnoreCase(command)
                    && query.get("pipeline") instanceof List<?> pipeline
                    && !pipeline.isEmpty()
                    && pipeline.getFirst() instanceof Document first
                    && first.get("$match") instanceof Document match) {
                LEADING_MATCH.set(new LeadingMatch(String.valueOf(query.get(command)), match));
                try {
                    return super.handleCommand(channel, command, query, databaseResolver, oplog);
                } finally {
                    LEADING_MATCH.remove();
                }
            }
            return super.handleCommand(channel, command, query, databaseResolver, oplog);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore store = getMvStore();
            MVMap<Object, Document> data = store.openMap(
                    "databases." + namespace,
                    new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
            MVMap<String, Object> meta = store.openMap("meta." + namespace);
            return new IndexedCollection(this, collectionName, options, data, meta, this.cursorRegistry);
        }
    }

    static final class IndexedCollection extends H2Collection {

        private final AtomicLong fullScans = new AtomicLong();

        /** Documents read through an index since the collection was opened: MongoDB's {@code docsExamined}. */
        private final AtomicLong examined = new AtomicLong();

        /**
         * Every document by its position, besides the file: an index lookup fetches its candidates here
         * instead of descending H2's B-tree for each (two thirds of the server's time in the dashboard's
         * queries with a million ideas stored, by JFR).
         */
        private final Map<Object, Document> documents = new ConcurrentHashMap<>();

        IndexedCollection(
                MongoDatabase database,
                String collectionName,
                CollectionOptions options,
                MVMap<Object, Document> data,
                MVMap<String, Object> meta,
                CursorRegistry cursorRegistry) {
            super(database, collectionName, options, data, meta, cursorRegistry);
            data.forEach(this.documents::put);
        }

        /**
         * No data size: the library keeps it by encoding every document it inserts or removes to BSON, and both the
         * old and the new document of every update — a tenth of the server's CPU at 50 ideas/s (JFR, issue #13) for
         * a figure only {@code collStats} and {@code dbStats} report, which no service reads. They say 0 here.
         */
        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        @Override
        protected Object addDocumentInternal(Document document) {
            Object position = super.addDocumentInternal(document);
            this.documents.put(Missing.ofNullable(position), document);
            return position;
        }

        @Override
        protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
            super.handleUpdate(position, oldDocument, newDocument);
            this.documents.put(Missing.ofNullable(position), newDocument);
        }

        @Override
        protected void removeDocument(Object position) {
            super.removeDocument(position);
            this.documents.remove(Missing.ofNullable(position));
        }

        @Override
        protected Document getDocument(Object position) {
            Document document = this.documents.get(Missing.ofNullable(position));
            return document != null ? document : super.getDocument(position);
        }

        /** The last query this thread matched documents against, taken apart once for all of them. */
        private static final ThreadLocal<@Nullable ParsedQuery> LAST_QUERY = new ThreadLocal<>();

        private record ParsedQuery(Document query, @Nullable StringsCondition strings) {}

        /**
         * An {@code $in} or {@code $nin} of strings decided by a set lookup ({@link StringsCondition}), the rest of the
         * query by the library.
         */
        @Override
        protected boolean documentMatchesQuery(Document document, Document query) {
            ParsedQuery parsed = LAST_QUERY.get();
            if (parsed == null || parsed.query() != query) {
                parsed = new ParsedQuery(query, StringsCondition.of(query));
                LAST_QUERY.set(parsed);
            }
            StringsCondition strings = parsed.strings();
            if (strings == null || !strings.decides(document)) {
                return super.documentMatchesQuery(document, query);
            }
            return strings.matches(document) && super.documentMatchesQuery(document, strings.rest());
        }

        /**
         * The library matches an update's selector twice for each document it updates, the second time for the
         * positional operator's index, which does not come through {@link #documentMatchesQuery}. For the two kinds of
         * update whose {@link StringsCondition} that second match would compare string by string again:
         * <ul>
         *   <li>a unique key and a {@code $nin} of strings (the dashboard counters' {@code _id}): when the set lookup
         *       says the one document with that key matches, the update is made with the rest of the selector, which
         *       can find no other; otherwise (no such document: an upsert; or one that does not match) with the whole
         *       selector;
         *   <li>{@code _id: {$in: [strings]}} alone, many documents and no upsert (the delivery ledger's marks): one
         *       update per id, which together change what the one would.
         * </ul>
         */
        @Override
        public synchronized Document updateDocuments(
                Document selector,
                Document updateQuery,
                ArrayFilters arrayFilters,
                boolean isMulti,
                boolean isUpsert,
                Oplog oplog) {
            StringsCondition strings = StringsCondition.of(selector);
            if (strings == null) {
                return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
            }
            if (!strings.negated()
                    && strings.field().equals(getIdField())
                    && strings.rest().isEmpty()
                    && isMulti
                    && !isUpsert) {
                int matched = 0;
                int modified = 0;
                for (String id : strings.values()) {
                    Document result = super.updateDocuments(
                            new Document(getIdField(), id), updateQuery, arrayFilters, false, false, oplog);
                    matched += ((Number) Objects.requireNonNull(result.get("n"))).intValue();
                    modified += ((Number) Objects.requireNonNull(result.get("nModified"))).intValue();
                }
                return new Document("n", matched).append("nModified", modified);
            }
            Document document = strings.negated() ? foundByUniqueKey(strings.rest()) : null;
            if (document != null && strings.decides(document) && strings.matches(document)) {
                return super.updateDocuments(strings.rest(), updateQuery, arrayFilters, isMulti, isUpsert, oplog);
            }
            return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
        }

        /**
         * The one document that can match the query, found through a unique index its equalities cover (as
         * {@link #queryDocuments} finds it), or null when there is none or no such index.
         */
        private @Nullable Document foundByUniqueKey(Document query) {
            Document equalities = equalities(query);
            for (Index<Object> index : getIndexes()) {
                Document lookup = lookup(index, equalities);
                if (lookup != null && index.canHandle(lookup)) {
                    Iterator<Object> positions = index.getPositions(lookup).iterator();
                    return positions.hasNext() ? getDocument(positions.next()) : null;
                }
            }
            return null;
        }

        @Override
        protected QueryResult queryDocuments(
                Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
            Document equalities = equalities(query);
            for (Index<Object> index : getIndexes()) {
                Document lookup = lookup(index, equalities);
                if (lookup != null && index.canHandle(lookup)) {
                    return matchDocuments(
                            query, index.getPositions(lookup), orderBy, numberToSkip, limit, batchSize, fieldSelector);
                }
            }
            for (Index<Object> index : getIndexes()) {
                Iterable<Object> positions = inPositions(index, query);
                if (positions != null) {
                    return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
                }
            }
            List<SecondaryIndex.Lookup> lookups = secondaryLookups(equalities, query);
            if (lookups.isEmpty()) {
                return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            // counted once each: a lookup counts its entries one by one
            Map<SecondaryIndex.Lookup, Long> sizes = new IdentityHashMap<>();
            lookups.forEach(lookup -> sizes.put(lookup, lookup.size()));
            ToLongFunction<SecondaryIndex.Lookup> size = lookup -> Objects.requireNonNull(sizes.get(lookup));
            lookups.sort(Comparator.comparingLong(size));
            SecondaryIndex.Lookup ordered = limit > 0 ? orderedBy(orderBy, lookups, size) : null;
            if (ordered != null) {
                List<SecondaryIndex.Lookup> others = new ArrayList<>(lookups);
                others.remove(ordered);
                return matchDocuments(
                        query,
                        firstMatches(query, ordered, others, descending(orderBy), numberToSkip + limit),
                        orderBy,
                        numberToSkip,
                        limit,
                        batchSize,
                        fieldSelector);
            }
            return matchDocuments(query, candidates(lookups), orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        @Override
        protected QueryResult matchDocuments(
                Document query,
                Iterable<Object> positions,
                Document orderBy,
                int numberToSkip,
                int limit,
                int batchSize,
                Document fieldSelector) {
            List<Object> read = new ArrayList<>();
            positions.forEach(read::add);
            this.examined.addAndGet(read.size());
            return super.matchDocuments(query, read, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        @Override
        public Stream<Document> queryAllAsStream() {
            LeadingMatch leading = LEADING_MATCH.get();
            if (leading != null && leading.collectionName().equals(getCollectionName())) {
                LEADING_MATCH.remove();
                return handleQueryAsStream(leading.match());
            }
            return super.queryAllAsStream();
        }

        /** What each secondary index can look up for the query. */
        private List<SecondaryIndex.Lookup> secondaryLookups(Document equalities, Document query) {
            List<SecondaryIndex.Lookup> lookups = new ArrayList<>();
            for (Index<Object> index : getIndexes()) {
                if (index instanceof SecondaryIndex secondary) {
                    SecondaryIndex.Lookup lookup = secondaryLookup(secondary, equalities, query);
                    if (lookup != null) {
                        lookups.add(lookup);
                    }
                }
            }
            return lookups;
        }

        /**
         * The positions the lookups allow, smallest lookup first: its positions are kept only where every other
         * lookup agrees.
         */
        private static List<Object> candidates(List<SecondaryIndex.Lookup> bySize) {
            List<SecondaryIndex.Lookup> others = bySize.subList(1, bySize.size());
            List<Object> candidates = bySize.getFirst().positions();
            candidates.removeIf(position -> others.stream().anyMatch(other -> !other.contains(position)));
            return candidates;
        }

        /**
         * A lookup that reads its documents in the order a single-field sort asks for, as MongoDB reads an index in
         * order instead of sorting: {@code {outboxOldestAt: {$exists: true}}} sorted by {@code outboxOldestAt} with a
         * limit of 100 then reads about 100 documents, not every idea with an event waiting. Null when there is none,
         * or when another lookup is much smaller (reading and sorting its few candidates costs less).
         */
        private static SecondaryIndex.@Nullable Lookup orderedBy(
                @Nullable Document orderBy,
                List<SecondaryIndex.Lookup> bySize,
                ToLongFunction<SecondaryIndex.Lookup> size) {
            if (orderBy == null
                    || orderBy.size() != 1
                    || !(orderBy.values().iterator().next() instanceof Number direction)
                    || Math.abs(direction.intValue()) != 1) {
                return null;
            }
            String field = orderBy.keySet().iterator().next();
            for (SecondaryIndex.Lookup lookup : bySize) {
                if (lookup.ordersBy(field)) {
                    return size.applyAsLong(bySize.getFirst()) * ORDERED_READ_WORTH < size.applyAsLong(lookup)
                            ? null
                            : lookup;
                }
            }
            return null;
        }

        /** How many times more documents reading an index in order may read than the smallest lookup holds. */
        private static final int ORDERED_READ_WORTH = 8;

        private static boolean descending(Document orderBy) {
            return ((Number) orderBy.values().iterator().next()).intValue() < 0;
        }

        /** The first {@code wanted} positions, in the lookup's order, whose documents match the query. */
        private List<Object> firstMatches(
                Document query,
                SecondaryIndex.Lookup ordered,
                List<SecondaryIndex.Lookup> others,
                boolean descending,
                int wanted) {
            List<Object> matches = new ArrayList<>(wanted);
            Iterator<Object> positions = ordered.inOrder(descending);
            while (matches.size() < wanted && positions.hasNext()) {
                Object position = positions.next();
                if (others.stream().allMatch(other -> other.contains(position))) {
                    this.examined.incrementAndGet();
                    Document document = getDocument(position);
                    if (document != null && documentMatchesQuery(document, query)) {
                        matches.add(position);
                    }
                }
            }
            return matches;
        }

        /**
         * What the index can look up for the query: plain values or {@code $in} of plain values on its first fields
         * (as many as the query names, in the index's order), then a range ({@code $lt}, {@code $gte}, …) on the next
         * one, or {@code $exists: true} on the leading field of a sparse index.
         */
        private static SecondaryIndex.@Nullable Lookup secondaryLookup(
                SecondaryIndex index, Document equalities, Document query) {
            List<Set<Object>> prefix = new ArrayList<>();
            for (String field : index.fields()) {
                Set<Object> values = valuesOf(field, equalities, query);
                if (values == null) {
                    break;
                }
                prefix.add(values);
            }
            SecondaryIndex.Range range = prefix.size() < index.fields().size()
                    ? rangeOf(index.fields().get(prefix.size()), query, prefix.isEmpty() && index.isSparseIndex())
                    : null;
            if ((prefix.isEmpty() && range == null) || !SecondaryIndex.readable(prefix)) {
                return null;
            }
            return new SecondaryIndex.Lookup(index, List.copyOf(prefix), range);
        }

        /** The values a field must equal, normalized: a plain value or {@code $in} of plain values; else null. */
        private static @Nullable Set<Object> valuesOf(String field, Document equalities, Document query) {
            Object value = equalities.get(field);
            if (value != null) {
                return isScalar(value) ? Set.of(Objects.requireNonNull(SecondaryIndex.normalized(value))) : null;
            }
            List<?> values = insOfScalars(field, query)
                    .filter(each -> !each.isEmpty())
                    .findFirst()
                    .orElse(null);
            if (values == null) {
                return null;
            }
            Set<Object> normalized = new HashSet<>();
            values.forEach(each -> normalized.add(Objects.requireNonNull(SecondaryIndex.normalized(each))));
            return normalized;
        }

        /** The values of each condition {@code field: {$in: […]}} of plain values, in {@link #conditionsOn} order. */
        private static Stream<List<?>> insOfScalars(String field, Document query) {
            return conditionsOn(field, query).stream()
                    .filter(condition -> condition.size() == 1)
                    .map(condition -> condition.get("$in"))
                    .<List<?>>mapMulti((in, values) -> {
                        if (in instanceof List<?> list && list.stream().allMatch(IndexedCollection::isScalar)) {
                            values.accept(list);
                        }
                    });
        }

        /**
         * The range of a field's values the query allows: a condition of {@code $lt}, {@code $lte}, {@code $gt} and
         * {@code $gte} on plain values, or any value when {@code exists} and the condition is {@code $exists: true};
         * else null. Both ends are kept inclusive and of any type: the lookup may return more, never fewer. On an array
         * the library, like this index, wants one element within both ends ({@code {$gt: 5, $lt: 10}} does not match
         * {@code [1, 20]}; in MongoDB it does, by different elements).
         */
        private static SecondaryIndex.@Nullable Range rangeOf(String field, Document query, boolean exists) {
            for (Document condition : conditionsOn(field, query)) {
                if (exists && condition.size() == 1 && Boolean.TRUE.equals(condition.get("$exists"))) {
                    return SecondaryIndex.Range.ANY;
                }
                if (!condition.isEmpty()
                        && RANGE_OPERATORS.containsAll(condition.keySet())
                        && condition.values().stream().allMatch(IndexedCollection::isScalar)) {
                    Object from = bound(condition.get("$gt"), condition.get("$gte"));
                    Object to = bound(condition.get("$lt"), condition.get("$lte"));
                    if (to == null) {
                        return SecondaryIndex.Range.from(Objects.requireNonNull(from));
                    }
                    if (from == null || SecondaryIndex.compareValues(from, to) > 0) {
                        return SecondaryIndex.Range.to(to);
                    }
                    return new SecondaryIndex.Range(from, to);
                }
            }
            return null;
        }

        private static final Set<String> RANGE_OPERATORS = Set.of("$lt", "$lte", "$gt", "$gte");

        /** The bound of one side of a range, normalized, whether exclusive or inclusive; or null. */
        private static @Nullable Object bound(@Nullable Object exclusive, @Nullable Object inclusive) {
            Object bound = inclusive != null ? inclusive : exclusive;
            return bound == null ? null : SecondaryIndex.normalized(bound);
        }

        /**
         * The operator conditions ({@code {$in: …}}) on a field, at the top level and in a top-level
         * {@code $and}.
         */
        private static List<Document> conditionsOn(String field, Document query) {
            List<Document> conditions = new ArrayList<>();
            if (query.get(field) instanceof Document condition) {
                conditions.add(condition);
            }
            if (query.get("$and") instanceof List<?> parts) {
                for (Object part : parts) {
                    if (part instanceof Document nested) {
                        conditions.addAll(conditionsOn(field, nested));
                    }
                }
            }
            return conditions;
        }

        /** Values whose equality an index lookup decides as MongoDB would; documents and arrays are not. */
        private static boolean isScalar(@Nullable Object value) {
            return value instanceof String
                    || value instanceof Number
                    || value instanceof Boolean
                    || value instanceof UUID
                    || value instanceof Date
                    || value instanceof Instant
                    || value instanceof ObjectId;
        }

        @Override
        protected QueryResult matchDocuments(
                Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
            this.fullScans.incrementAndGet();
            return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        /** How many documents queries read through an index since the collection was opened. */
        long examined() {
            return this.examined.get();
        }

        /** How many queries read the whole collection since it was opened. */
        long fullScans() {
            return this.fullScans.get();
        }

        /**
         * The positions of the documents a single-field unique index holds for an {@code $in} of plain values on its
         * field, at the query's top level or in a top-level {@code $and} (the library's own lookup takes only a query
         * of that one condition); null when the query has no such condition.
         */
        private static @Nullable Iterable<Object> inPositions(Index<Object> index, Document query) {
            if (!index.isUnique() || index.getKeys().size() != 1) {
                return null;
            }
            String field = index.getKeys().getFirst().getKey();
            List<?> values = insOfScalars(field, query).findFirst().orElse(null);
            if (values == null) {
                return null;
            }
            Set<Object> positions = new LinkedHashSet<>();
            for (Object value : values) {
                Document lookup = new Document(field, value);
                if (!index.canHandle(lookup)) {
                    return null;
                }
                index.getPositions(lookup).forEach(positions::add);
            }
            return positions;
        }

        /** The unique index's fields with their values, when the query names every one of them. */
        private static @Nullable Document lookup(Index<Object> index, Document equalities) {
            if (!index.isUnique()) {
                return null;
            }
            Document lookup = new Document();
            for (IndexKey key : index.getKeys()) {
                Object value = equalities.get(key.getKey());
                if (value == null) {
                    return null;
                }
                lookup.put(key.getKey(), value);
            }
            return lookup;
        }

        /**
         * The conditions {@code field: value} of a query, at its top level and inside a top-level
         * {@code $and}; values that are operators, regular expressions, arrays or null are left out
         * (their matching rules differ from an index lookup).
         */
        static Document equalities(Document query) {
            Document equalities = new Document();
            for (Map.Entry<String, Object> condition : query.entrySet()) {
                if ("$and".equals(condition.getKey()) && condition.getValue() instanceof List<?> parts) {
                    for (Object part : parts) {
                        if (part instanceof Document nested) {
                            equalities(nested).forEach(equalities::putIfAbsent);
                        }
                    }
                } else if (isPlainValue(condition.getKey(), condition.getValue())) {
                    equalities.putIfAbsent(condition.getKey(), condition.getValue());
                }
            }
            return equalities;
        }

        private static boolean isPlainValue(String field, @Nullable Object value) {
            if (field.startsWith("$")
                    || value == null
                    || value instanceof List<?>
                    || BsonRegularExpression.isRegularExpression(value)) {
                return false;
            }
            return !(value instanceof Document document
                    && document.keySet().stream().anyMatch(key -> key.startsWith("$")));
        }
    }
}
