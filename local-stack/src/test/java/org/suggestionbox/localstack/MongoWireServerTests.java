package org.suggestionbox.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The local stack's MongoDB-wire server stopped while clients write, as the fault-injection suite stops it:
 * what it acknowledged is in the file (or, in memory, in the store the next start serves) afterwards, and no
 * write is left half done (a key the unique index knows without its document would make a retried insert look
 * like a duplicate of nothing).
 */
class MongoWireServerTests {

    private static final int WRITERS = 6;

    private static final int STOPS = 6;

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "data in {0}")
    @ValueSource(strings = {"file", "memory"})
    void aStopUnderConcurrentInsertsKeepsEveryAcknowledgedWriteAndTearsNone(String store) throws Exception {
        int port = FreePorts.next();
        MongoWireServer server = store.equals("memory")
                ? MongoWireServer.inMemory(port)
                : new MongoWireServer(this.dataDir.resolve("mongo.mv"), port, 16);
        server.start();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> unanswered = ConcurrentHashMap.newKeySet();
        AtomicInteger nextId = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        try (MongoClient setUp = MongoClients.create(server.uri())) {
            MongoCollection<Document> ideas = setUp.getDatabase("router").getCollection("ideas");
            ideas.createIndex(Indexes.ascending("submissionKey"), new IndexOptions().unique(true));
            ideas.createIndex(Indexes.ascending("ownerId"));
        }
        // the writers give up on a request quickly while the server is away, and go on with the next id
        String uri = server.uri() + "/?uuidRepresentation=standard&serverSelectionTimeoutMS=300&retryWrites=false";
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> ideas = client.getDatabase("router").getCollection("ideas");
            List<Future<?>> running = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                running.add(writers.submit(() -> {
                    while (writing.get()) {
                        String id = "idea-" + nextId.getAndIncrement();
                        try {
                            ideas.insertOne(idea(id));
                            acknowledged.add(id);
                        } catch (RuntimeException stoppedOrAway) {
                            unanswered.add(id);
                        }
                    }
                }));
            }
            for (int stop = 0; stop < STOPS; stop++) {
                awaitMoreAcknowledged(acknowledged, 200);
                server.close();
                server.start();
            }
            awaitMoreAcknowledged(acknowledged, 200);
            writing.set(false);
            for (Future<?> writer : running) {
                writer.get(30, TimeUnit.SECONDS);
            }
        } finally {
            writing.set(false);
            writers.shutdownNow();
            server.close();
        }
        server.start();
        try (MongoClient client = MongoClients.create(server.uri() + "/?uuidRepresentation=standard")) {
            MongoCollection<Document> ideas = client.getDatabase("router").getCollection("ideas");
            List<String> lost = acknowledged.stream()
                    .filter(id -> ideas.find(Filters.eq("_id", id)).first() == null)
                    .toList();
            List<String> torn = new ArrayList<>();
            for (String id : unanswered) {
                try {
                    ideas.insertOne(idea(id));
                } catch (MongoWriteException ex) {
                    if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                            && ideas.find(Filters.eq("_id", id)).first() == null) {
                        torn.add(id + " (" + ex.getError().getMessage() + ")");
                    }
                }
            }
            assertThat(acknowledged)
                    .as("inserts acknowledged across %d stops", STOPS)
                    .hasSizeGreaterThan(STOPS * 200);
            assertThat(unanswered).as("inserts cut off by a stop").isNotEmpty();
            assertThat(lost).as("acknowledged inserts missing after the stops").isEmpty();
            assertThat(torn)
                    .as("inserts refused as duplicates of a document that is not there")
                    .isEmpty();
            assertThat(ideas.countDocuments()).isEqualTo(acknowledged.size() + unanswered.size());
            try (Stream<Path> files = Files.list(this.dataDir)) {
                assertThat(files.map(path -> path.getFileName().toString()))
                        .as("files in the data directory")
                        .containsExactlyElementsOf(store.equals("memory") ? List.of() : List.of("mongo.mv"));
            }
        } finally {
            server.close();
        }
    }

    private static Document idea(String id) {
        return new Document("_id", id)
                .append("submissionKey", "key-" + id)
                .append("ownerId", "owner-" + id.hashCode() % 7)
                .append("title", "An idea written while the server may stop");
    }

    private static void awaitMoreAcknowledged(Set<String> acknowledged, int more) {
        int target = acknowledged.size() + more;
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> acknowledged.size() >= target);
    }
}
