package org.suggestionbox.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open-loop {@code POST /api/ideas} at a constant rate over async HTTP/1.1, users in turn with HTTP
 * Basic. Acknowledgement latency runs from each request's intended send time to its response.
 */
final class PipelineLoad {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final List<String> CATEGORIES = List.of("customer-experience", "operations", "workplace", "other");

    private final HttpClient http = Http.client();

    private final URI ideasUri;

    private final List<String> authorizations;

    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    /** Acknowledgement latency in microseconds, measured phase only. */
    private final Histogram ack = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);

    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    /** Intended send time of every accepted idea, warm-up included, by idea id. */
    private final Map<String, Long> intendedByIdea = new ConcurrentHashMap<>();

    /** Idea ids accepted in the measured phase. */
    private final Map<String, Boolean> measuredIdeas = new ConcurrentHashMap<>();

    private final LongAdder measuredSent = new LongAdder();

    private final LongAdder measuredAccepted = new LongAdder();

    private final AtomicLong lastMeasuredResponse = new AtomicLong();

    private volatile long sendsDone;

    PipelineLoad(String intakeUrl, List<String> users) {
        this.ideasUri = URI.create(intakeUrl + "/api/ideas");
        this.authorizations = users.stream()
                .map(user -> "Basic "
                        + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .toList();
    }

    /**
     * Sends {@code warmupCount + measuredCount} ideas on the schedule and waits for every response;
     * sends from {@code warmupCount} on are measured.
     */
    void run(OpenLoopSchedule schedule, long warmupCount, long measuredCount) {
        List<CompletableFuture<?>> pending = new ArrayList<>();
        schedule.run(warmupCount + measuredCount, (index, intended) -> {
            boolean measured = index >= warmupCount;
            if (measured) {
                this.measuredSent.increment();
            }
            pending.add(send(index, intended, measured));
        });
        this.sendsDone = System.nanoTime();
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    }

    private CompletableFuture<?> send(long index, long intended, boolean measured) {
        HttpRequest request = HttpRequest.newBuilder(this.ideasUri)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", this.authorizations.get((int) (index % this.authorizations.size())))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", this.runId + "-" + index)
                .POST(HttpRequest.BodyPublishers.ofString(body(index), StandardCharsets.UTF_8))
                .build();
        return this.http
                .sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> {
                    long now = System.nanoTime();
                    if (measured) {
                        this.ack.recordValue(Math.max(0, (now - intended) / 1000));
                        this.lastMeasuredResponse.accumulateAndGet(now, Math::max);
                    }
                    if (failure != null) {
                        error(failure.getClass().getSimpleName());
                    } else if (response.statusCode() == 202) {
                        String ideaId =
                                JSON.readTree(response.body()).path("id").asString();
                        this.intendedByIdea.put(ideaId, intended);
                        if (measured) {
                            this.measuredIdeas.put(ideaId, Boolean.TRUE);
                            this.measuredAccepted.increment();
                        }
                    } else {
                        error(Integer.toString(response.statusCode()));
                    }
                    return null;
                });
    }

    private String body(long index) {
        return JSON.writeValueAsString(Map.of(
                "title", "Benchmark idea " + this.runId + " #" + index,
                "description",
                        "Generated by the pipeline benchmark to measure submit-to-delivered latency. "
                                + "It stands for an ordinary idea of a few sentences, as employees write them: "
                                + "what is wrong today, what could be better, and who would notice.",
                "category", CATEGORIES.get((int) (index % CATEGORIES.size()))));
    }

    private void error(String kind) {
        this.errors.computeIfAbsent(kind, key -> new LongAdder()).increment();
    }

    Histogram ackLatencyMicros() {
        return this.ack;
    }

    Map<String, Long> errorsByStatus() {
        Map<String, Long> sorted = new TreeMap<>();
        this.errors.forEach((kind, count) -> sorted.put(kind, count.sum()));
        return sorted;
    }

    Map<String, Long> intendedByIdea() {
        return Map.copyOf(this.intendedByIdea);
    }

    List<String> measuredIdeas() {
        return List.copyOf(this.measuredIdeas.keySet());
    }

    long measuredSent() {
        return this.measuredSent.sum();
    }

    long measuredAccepted() {
        return this.measuredAccepted.sum();
    }

    /** When the last request had been handed to the HTTP client. */
    long sendsDoneNanos() {
        return this.sendsDone;
    }

    long lastMeasuredResponseNanos() {
        return this.lastMeasuredResponse.get();
    }
}
