package org.suggestionbox.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.sun.management.OperatingSystemMXBean;
import de.bwaldvogel.mongo.MongoServer;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.bson.Document;
import org.h2.mvstore.MVStore;

/**
 * What the stand-in costs to store an idea and mark its event relayed, without the pipeline around it: rounds of 500
 * idea-shaped documents inserted (unordered) and then updated (their outbox emptied), as the router's replay writes
 * them, with the router's indexes. Prints the process's CPU per idea (client and server in this one JVM) over the last
 * two thirds of the rounds.
 * <p>
 * {@code -DsubmitterAlone=true} adds the index on {@code submitters.personId} alone that the router made until
 * 2026-12-07; {@code -Drounds=N} sets the rounds (120); the argument {@code memory} keeps the data in memory instead
 * of an H2 file. It uses the local stack's package-private backend, so it is compiled into that package: see
 * {@code benchmarks/results/2026-12-07-late-evening-stand-in-trials.md} for the commands.
 */
public final class StandInWriteCost {

    private static final int BATCH = 500;

    public static void main(String[] args) throws Exception {
        boolean inMemory = args.length > 0 && args[0].equals("memory");
        Path directory = Files.createTempDirectory("stand-in-write-cost");
        MongoServer server = new MongoServer(
                inMemory
                        ? new MongoWireBackend(new MVStore.Builder().open(), true)
                        : new MongoWireBackend(directory.resolve("mongo.mv").toString()));
        InetSocketAddress address = server.bind();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> ideas = client.getDatabase("cost").getCollection("ideas");
            createRoutersIndexes(ideas, Boolean.getBoolean("submitterAlone"));
            Random random = new Random(7);
            int rounds = Integer.getInteger("rounds", 120);
            long cpuAtStart = 0;
            int measured = 0;
            for (int round = 0; round < rounds; round++) {
                if (round == rounds / 3) {
                    cpuAtStart = os.getProcessCpuTime();
                }
                List<Document> batch = new ArrayList<>(BATCH);
                for (int i = 0; i < BATCH; i++) {
                    batch.add(idea(random));
                }
                ideas.insertMany(batch, new InsertManyOptions().ordered(false));
                List<WriteModel<Document>> relayed = new ArrayList<>(BATCH);
                for (Document idea : batch) {
                    relayed.add(new UpdateOneModel<>(
                            Filters.and(Filters.eq("_id", idea.get("_id")), Filters.size("outbox", 1)),
                            Updates.combine(Updates.set("outbox", List.of()), Updates.unset("outboxOldestAt"))));
                }
                ideas.bulkWrite(relayed, new BulkWriteOptions().ordered(false));
                if (round >= rounds / 3) {
                    measured += batch.size();
                }
            }
            double cpuMillis = (os.getProcessCpuTime() - cpuAtStart) / 1e6;
            System.out.printf(
                    "%s: %d ideas measured, %.3f CPU-ms per idea (client and server)%n",
                    inMemory ? "memory" : "file", measured, cpuMillis / measured);
        } finally {
            server.shutdownNow();
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    /** The indexes {@code IdeaStore.createIndexes} makes, by their fields. */
    private static void createRoutersIndexes(MongoCollection<Document> ideas, boolean submitterAlone) {
        ideas.createIndex(Indexes.ascending("ownerId", "state", "answerDueBy"));
        if (submitterAlone) {
            ideas.createIndex(Indexes.ascending("submitters.personId"));
        }
        ideas.createIndex(Indexes.compoundIndex(
                Indexes.ascending("submitters.personId"), Indexes.descending("submittedAt", "_id")));
        ideas.createIndex(Indexes.descending("listedAt", "_id"));
        ideas.createIndex(Indexes.compoundIndex(
                Indexes.ascending("ownerId"), Indexes.descending("supportCount"), Indexes.ascending("_id")));
        ideas.createIndex(Indexes.ascending("trackingTokenHash"), new IndexOptions().sparse(true));
        ideas.createIndex(Indexes.ascending("state", "answerDueBy"));
        ideas.createIndex(Indexes.ascending("state", "implementation.implementedAt"));
        ideas.createIndex(Indexes.ascending("outboxOldestAt"), new IndexOptions().sparse(true));
    }

    /** A routed idea with its assignment event waiting in its outbox, as a replay stores it. */
    private static Document idea(Random random) {
        String id = UUID.randomUUID().toString();
        Date submittedAt = new Date(1_700_000_000_000L + random.nextInt(1_000_000_000));
        return new Document("_id", id)
                .append("state", "ASSIGNED")
                .append("title", "Idea " + id)
                .append("description", "A description of the idea, long enough to look like one: " + id)
                .append("category", "operations")
                .append("submitters", List.of(new Document("personId", "p" + random.nextInt(5000))))
                .append("submittedAt", submittedAt)
                .append("listedAt", submittedAt)
                .append("ownerId", "o" + random.nextInt(50))
                .append("answerDueBy", new Date(submittedAt.getTime() + 14 * 86_400_000L))
                .append("supportCount", 0)
                .append("outbox", List.of(new Document("eventId", id).append("type", "IdeaAssigned")))
                .append("outboxOldestAt", submittedAt)
                .append("version", 1L);
    }
}
