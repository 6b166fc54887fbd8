package org.suggestionbox.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

/**
 * Several client threads submitting ideas to intake over HTTP as a few people, each idea with its own
 * {@code Idempotency-Key}; a request that fails to connect (refused, reset, cut off by a crash) or answers
 * 429/5xx is sent again with the same key, and every such retry is counted by its cause. The submissions
 * are spread over a time window so faults land in the middle of the load.
 */
final class IdeaSubmitters {

    static final List<String> SUBMITTERS = List.of("alice", "noa", "piotr");

    /** The categories the scripted owners decide: maya owns the first, jan the second. */
    static final List<String> DECIDED_CATEGORIES = List.of("customer-experience", "operations");

    private static final Set<Integer> RETRY = Set.of(429, 500, 502, 503, 504);

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    /** One idea as the client submitted it, with every idea id intake answered for its key. */
    record Submission(String key, String submitter, String title, Set<String> ideaIds) {
    }

    /**
     * What a load ended with: the submissions by key, and how often a request had to be sent again, by
     * cause ({@code 503 with Retry-After}, {@code connection failed}, ...).
     */
    record Load(Map<String, Submission> submissions, Map<String, Integer> retries) {

        int retried(String cause) {
            return this.retries.getOrDefault(cause, 0);
        }
    }

    private IdeaSubmitters() {
    }

    /** Submits {@code count} ideas in the decided categories with {@code threads} clients over about {@code window}. */
    static Load submit(String intakeUrl, String run, int count, int threads, Duration window) {
        return submit(intakeUrl, run, count, threads, window, DECIDED_CATEGORIES);
    }

    /** Submits {@code count} ideas, taking turns over {@code categories}, with {@code threads} clients over about {@code window}. */
    static Load submit(String intakeUrl, String run, int count, int threads, Duration window, List<String> categories) {
        Map<String, Submission> submissions = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> retries = new ConcurrentHashMap<>();
        long pauseNanos = window.toNanos() * threads / Math.max(1, count);
        try (ExecutorService clients = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int client = 0; client < threads; client++) {
                int first = client;
                done.add(clients.submit(() -> {
                    for (int i = first; i < count; i += threads) {
                        submitOne(intakeUrl, run, i, categories, submissions, retries);
                        // pacing the load, not waiting for a condition
                        LockSupport.parkNanos(pauseNanos);
                    }
                }));
            }
            for (Future<?> client : done) {
                client.get();
            }
        }
        catch (Exception ex) {
            throw new IllegalStateException("Submitting failed: " + ex, ex);
        }
        Map<String, Integer> retried = new TreeMap<>();
        retries.forEach((cause, times) -> retried.put(cause, times.get()));
        return new Load(Map.copyOf(submissions), retried);
    }

    private static void submitOne(String intakeUrl, String run, int i, List<String> categories,
            Map<String, Submission> submissions, Map<String, AtomicInteger> retries) {
        String submitter = SUBMITTERS.get(i % SUBMITTERS.size());
        String key = run + "-" + i;
        String title = "Fault run " + key;
        Submission submission = submissions.computeIfAbsent(key,
                k -> new Submission(k, submitter, title, ConcurrentHashMap.newKeySet()));
        Map<String, Object> body = Map.of("title", title,
                "description", "Idea " + i + " of fault-injection run " + run + ", submitted while services crash.",
                "category", categories.get(i / SUBMITTERS.size() % categories.size()));
        // sent twice on purpose every tenth time: a client that never saw the answer retries with the same key
        int sends = i % 10 == 0 ? 2 : 1;
        for (int send = 0; send < sends; send++) {
            Api.Response response = Retrying.call(() -> Api.as(submitter).post(intakeUrl + "/api/ideas", body,
                    Map.of("Idempotency-Key", key)), RETRY, PATIENCE,
                    retried -> retries.computeIfAbsent(cause(retried), c -> new AtomicInteger()).incrementAndGet());
            if (response.status() != 202) {
                throw new IllegalStateException("Idea " + key + " refused: " + response.status() + " " + response.body());
            }
            submission.ideaIds().add(response.json().path("id").asString());
        }
    }

    private static String cause(Api.@Nullable Response retried) {
        if (retried == null) {
            return "connection failed";
        }
        return retried.status() + (retried.header("Retry-After").isPresent() ? " with Retry-After" : "");
    }
}
