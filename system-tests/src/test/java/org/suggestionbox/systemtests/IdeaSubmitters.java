package org.suggestionbox.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

/**
 * Several client threads submitting ideas to intake over HTTP as a few people, each idea with its own
 * {@code Idempotency-Key}; a request that fails to connect or answers 429/5xx is sent again with the
 * same key. The submissions are spread over a time window so faults land in the middle of the load.
 */
final class IdeaSubmitters {

    static final List<String> SUBMITTERS = List.of("alice", "noa", "piotr");

    private static final List<String> CATEGORIES = List.of("customer-experience", "operations");

    private static final Set<Integer> RETRY = Set.of(429, 500, 502, 503, 504);

    /** One idea as the client submitted it, with every idea id intake answered for its key. */
    record Submission(String key, String submitter, String title, Set<String> ideaIds) {
    }

    private IdeaSubmitters() {
    }

    /** Submits {@code count} ideas with {@code threads} clients over about {@code window}; returns them by key. */
    static Map<String, Submission> submit(String intakeUrl, String run, int count, int threads, Duration window) {
        Map<String, Submission> submissions = new ConcurrentHashMap<>();
        long pauseNanos = window.toNanos() * threads / Math.max(1, count);
        try (ExecutorService clients = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int client = 0; client < threads; client++) {
                int first = client;
                done.add(clients.submit(() -> {
                    for (int i = first; i < count; i += threads) {
                        submitOne(intakeUrl, run, i, submissions);
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
        return submissions;
    }

    private static void submitOne(String intakeUrl, String run, int i, Map<String, Submission> submissions) {
        String submitter = SUBMITTERS.get(i % SUBMITTERS.size());
        String key = run + "-" + i;
        String title = "Fault run " + key;
        Submission submission = submissions.computeIfAbsent(key,
                k -> new Submission(k, submitter, title, ConcurrentHashMap.newKeySet()));
        Map<String, Object> body = Map.of("title", title,
                "description", "Idea " + i + " of fault-injection run " + run + ", submitted while services crash.",
                "category", CATEGORIES.get(i / SUBMITTERS.size() % CATEGORIES.size()));
        // sent twice on purpose every tenth time: a client that never saw the answer retries with the same key
        int sends = i % 10 == 0 ? 2 : 1;
        for (int send = 0; send < sends; send++) {
            Api.Response response = Retrying.call(() -> Api.as(submitter).post(intakeUrl + "/api/ideas", body,
                    Map.of("Idempotency-Key", key)), RETRY, Duration.ofSeconds(90));
            if (response.status() != 202) {
                throw new IllegalStateException("Idea " + key + " refused: " + response.status() + " " + response.body());
            }
            submission.ideaIds().add(response.json().path("id").asString());
        }
    }
}
