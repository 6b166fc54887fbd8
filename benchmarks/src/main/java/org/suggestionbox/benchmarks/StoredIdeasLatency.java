package org.suggestionbox.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Updates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.bson.BsonBinarySubType;
import org.bson.Document;
import org.bson.types.Binary;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Owner queue and dashboard latency with many ideas stored: fills the router's {@code ideas} collection
 * up to the wanted size with copies of an idea the router stored itself (new id, title, owner and state;
 * empty outbox), then times {@code GET /api/queue} as the owner maya and {@code GET /api/dashboard} as
 * the leader lea, one request after the other. The copies go to maya, jan and 200 further owners in
 * turn; 2 in 100 stay open (in their owner's queue), the others are declined, so maya's queue holds about
 * as many ideas as a busy owner's would. The load phase routed its thousands of ideas to maya and jan and
 * left them open; they are declined first (state only), or maya's queue would be those. The copies bypass the
 * router, so it is restarted after the fill ({@code restartRouter}): its start counts the dashboard's backlog
 * roll-up from the stored ideas, as it would after a replay.
 */
final class StoredIdeasLatency {

    private static final Logger LOG = LoggerFactory.getLogger(StoredIdeasLatency.class);

    private static final String DATABASE = "suggestion_router";

    private static final int OTHER_OWNERS = 200;

    private static final int BATCH = 2_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * @param stored ideas in the collection when measuring
     * @param inserted copies inserted, and how long that took
     * @param queueItems ideas in maya's queue answer
     * @param routerHealthy from the router's restart until it was healthy
     * @param indexRebuilt from the router's restart until its log said the similar-ideas index held the stored ideas
     */
    record Result(
            long stored,
            long inserted,
            Duration insertTime,
            int queueItems,
            Histogram queueMicros,
            Histogram dashboardMicros,
            Duration routerHealthy,
            Duration indexRebuilt) {}

    private final String routerUrl;

    private final String mongoUri;

    private final Runnable restartRouter;

    private final Path routerLog;

    private final HttpClient http = Http.client();

    StoredIdeasLatency(String routerUrl, String mongoUri, Runnable restartRouter, Path routerLog) {
        this.routerUrl = routerUrl;
        this.mongoUri = mongoUri;
        this.restartRouter = restartRouter;
        this.routerLog = routerLog;
    }

    Result run(long wanted, int requests) {
        long inserted;
        long stored;
        long started = System.nanoTime();
        try (MongoClient mongo = MongoClients.create(this.mongoUri)) {
            MongoCollection<Document> ideas = mongo.getDatabase(DATABASE).getCollection("ideas");
            inserted = fill(ideas, wanted);
            stored = ideas.estimatedDocumentCount();
        }
        Duration insertTime = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("Restarting the router, so that its start counts the backlog roll-up from the stored ideas");
        long logBefore = logSize();
        long restarted = System.nanoTime();
        this.restartRouter.run();
        Duration routerHealthy = Duration.ofNanos(System.nanoTime() - restarted);
        // the router reads the stored ideas into its search index after it is up; timing requests meanwhile
        // would time them against that work
        awaitLogged(logBefore, INDEX_BUILT, Duration.ofMinutes(30));
        Duration indexRebuilt = Duration.ofNanos(System.nanoTime() - restarted);
        LOG.info(
                "Router healthy after {} s, its similar-ideas index rebuilt after {} s",
                routerHealthy.toSeconds(),
                indexRebuilt.toSeconds());
        LOG.info(
                "{} ideas stored ({} inserted in {} s); timing {} queue and {} dashboard requests",
                stored,
                inserted,
                insertTime.toSeconds(),
                requests,
                requests);
        int warmup = Math.max(5, requests / 10);
        time("/api/queue", "maya", warmup);
        Histogram queue = time("/api/queue", "maya", requests);
        time("/api/dashboard", "lea", warmup);
        Histogram dashboard = time("/api/dashboard", "lea", requests);
        int queueItems = JSON.readTree(get("/api/queue?limit=200", "maya").body())
                .path("items")
                .size();
        return new Result(stored, inserted, insertTime, queueItems, queue, dashboard, routerHealthy, indexRebuilt);
    }

    /** What the router logs once the ideas stored before its start are in its similar-ideas index. */
    static final String INDEX_BUILT = "Similar-ideas index built from";

    private long logSize() {
        try {
            return Files.exists(this.routerLog) ? Files.size(this.routerLog) : 0;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Waits until {@code line} appears in the router's log after byte {@code from}. */
    private void awaitLogged(long from, String line, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (SeekableByteChannel log = Files.newByteChannel(this.routerLog)) {
                log.position(from);
                String added = new String(Channels.newInputStream(log).readAllBytes(), StandardCharsets.UTF_8);
                if (added.contains(line)) {
                    return;
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            // polling the log: the router tells nobody else when its index is complete
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        }
        throw new IllegalStateException("The router did not log '" + line + "' within " + timeout);
    }

    private static long fill(MongoCollection<Document> ideas, long wanted) {
        ideas.updateMany(Filters.in("state", "ASSIGNED", "UNDER_REVIEW"), Updates.set("state", "DECLINED"));
        long present = ideas.estimatedDocumentCount();
        Document template = ideas.find(Filters.and(Filters.eq("ownerId", "maya"), Filters.size("outbox", 0)))
                .first();
        if (template == null) {
            template = ideas.find().first();
        }
        if (template == null) {
            throw new IllegalStateException("The router stored no idea to copy");
        }
        List<Document> batch = new ArrayList<>(BATCH);
        long inserted = 0;
        for (long i = present; i < wanted; i++) {
            batch.add(copy(template, i));
            if (batch.size() == BATCH) {
                ideas.insertMany(batch, new InsertManyOptions().ordered(false));
                inserted += batch.size();
                batch.clear();
                if (inserted % 100_000 == 0) {
                    LOG.info("{} of {} copies inserted", inserted, wanted - present);
                }
            }
        }
        if (!batch.isEmpty()) {
            ideas.insertMany(batch, new InsertManyOptions().ordered(false));
            inserted += batch.size();
        }
        return inserted;
    }

    static Document copy(Document template, long number) {
        Document copy = new Document(template);
        copy.put("_id", newIdLike(template.get("_id")));
        copy.put("title", "Stored idea " + number);
        int owner = (int) (number % (OTHER_OWNERS + 2));
        copy.put("ownerId", owner == 0 ? "maya" : owner == 1 ? "jan" : "owner-%03d".formatted(owner));
        copy.put("state", number % 50 == 0 ? "ASSIGNED" : "DECLINED");
        copy.put("outbox", List.of());
        return copy;
    }

    /**
     * A new random UUID stored as the template's id is: the router stores its ids as binary UUIDs, which this
     * client, without a UUID representation, reads as {@link Binary} (subtype 4, or 3 in the Java driver's legacy
     * byte order). Until 2026-12-04 such an id was copied as a string, which the router cannot read as an idea id.
     */
    static Object newIdLike(@Nullable Object templateId) {
        UUID id = UUID.randomUUID();
        if (templateId instanceof Binary binary
                && (binary.getType() == BsonBinarySubType.UUID_STANDARD.getValue()
                        || binary.getType() == BsonBinarySubType.UUID_LEGACY.getValue())) {
            byte[] bytes = ByteBuffer.allocate(16)
                    .putLong(id.getMostSignificantBits())
                    .putLong(id.getLeastSignificantBits())
                    .array();
            if (binary.getType() == BsonBinarySubType.UUID_LEGACY.getValue()) {
                reverse(bytes, 0, 8);
                reverse(bytes, 8, 16);
            }
            return new Binary(binary.getType(), bytes);
        }
        return templateId instanceof String ? id.toString() : id;
    }

    private static void reverse(byte[] bytes, int from, int to) {
        for (int i = from, j = to - 1; i < j; i++, j--) {
            byte swapped = bytes[i];
            bytes[i] = bytes[j];
            bytes[j] = swapped;
        }
    }

    private Histogram time(String path, String user, int requests) {
        Histogram micros = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        for (int i = 0; i < requests; i++) {
            long sent = System.nanoTime();
            HttpResponse<String> response = get(path, user);
            micros.recordValue((System.nanoTime() - sent) / 1000);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " as " + user + " answered " + response.statusCode());
            }
        }
        return micros;
    }

    private HttpResponse<String> get(String path, String user) {
        String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(this.routerUrl + path))
                .header("Authorization", "Basic " + credentials)
                .header("Accept", "application/json")
                .timeout(Duration.ofMinutes(2))
                .GET()
                .build();
        try {
            return this.http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException ex) {
            throw new IllegalStateException("GET " + path + " failed: " + ex, ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", ex);
        }
    }
}
