package org.suggestionbox.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Updates;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.bson.Document;
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
     */
    record Result(
            long stored,
            long inserted,
            Duration insertTime,
            int queueItems,
            Histogram queueMicros,
            Histogram dashboardMicros) {}

    private final String routerUrl;

    private final String mongoUri;

    private final Runnable restartRouter;

    private final HttpClient http = Http.client();

    StoredIdeasLatency(String routerUrl, String mongoUri, Runnable restartRouter) {
        this.routerUrl = routerUrl;
        this.mongoUri = mongoUri;
        this.restartRouter = restartRouter;
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
        this.restartRouter.run();
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
        return new Result(stored, inserted, insertTime, queueItems, queue, dashboard);
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
        copy.put(
                "_id",
                template.get("_id") instanceof UUID
                        ? UUID.randomUUID()
                        : UUID.randomUUID().toString());
        copy.put("title", "Stored idea " + number);
        int owner = (int) (number % (OTHER_OWNERS + 2));
        copy.put("ownerId", owner == 0 ? "maya" : owner == 1 ? "jan" : "owner-%03d".formatted(owner));
        copy.put("state", number % 50 == 0 ? "ASSIGNED" : "DECLINED");
        copy.put("outbox", List.of());
        return copy;
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
