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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Several client threads submitting ideas to intake over HTTP as a few people, each idea with its own
 * {@code Idempotency-Key}; a request that fails to connect (refused, reset, cut off by a crash) or answers
 * 429/5xx is sent again with the same key, and every such retry is counted by its cause. The submissions
 * are spread over a time window so faults land in the middle of the load: each idea has its moment in the
 * window, and a client waits only until the moment of its next idea, so ideas held up by a crash or an outage
 * go out as soon as intake answers again instead of the clients keeping their pace behind the schedule (after
 * an intake kill that took 55 s for the last 1,500 ideas of 2,000, issue #15); given a condition, the clients
 * go on after the window, two ideas a second together, until it holds (the fault is over), so every crash and
 * outage meets live requests however quickly the ideas of the window were taken.
 */
final class IdeaSubmitters {

    static final List<String> SUBMITTERS = List.of("alice", "noa", "piotr");

    /** The categories the scripted owners decide: maya owns the first, jan the second. */
    static final List<String> DECIDED_CATEGORIES = List.of("customer-experience", "operations");

    private static final Set<Integer> RETRY = Set.of(429, 500, 502, 503, 504);

    /** As long as a crashed intake may take to come back. */
    private static final Duration PATIENCE = FaultInjectionStack.RESTART_PATIENCE;

    /**
     * The clients' pace together once the window's ideas are in and the load only goes on until the fault is
     * over: enough for requests to meet every crash and outage, little enough not to pile up work while a
     * fault lasts minutes.
     */
    private static final int TRICKLE_PER_SECOND = 2;

    /** One idea as the client submitted it, with every idea id intake answered for its key. */
    record Submission(String key, String submitter, String title, Set<String> ideaIds) {}

    /**
     * What a load ended with: the submissions by key, how often a request had to be sent again, by cause
     * ({@code 503 with Retry-After}, {@code connection failed}, ...), and how long it took until the
     * {@code count} ideas asked for were all accepted (the rest of the load only went on until the condition held).
     */
    record Load(Map<String, Submission> submissions, Map<String, Integer> retries, Duration countAccepted) {

        int retried(String cause) {
            return this.retries.getOrDefault(cause, 0);
        }
    }

    private IdeaSubmitters() {}

    /** Submits {@code count} ideas in the decided categories with {@code threads} clients over about {@code window}. */
    static Load submit(String intakeUrl, String run, int count, int threads, Duration window) {
        return submit(intakeUrl, run, count, threads, window, DECIDED_CATEGORIES);
    }

    /** Submits {@code count} ideas, taking turns over {@code categories}, with {@code threads} clients over about {@code window}. */
    static Load submit(String intakeUrl, String run, int count, int threads, Duration window, List<String> categories) {
        return submit(intakeUrl, run, count, threads, window, categories, () -> true, new ConcurrentHashMap<>());
    }

    /**
     * Submits at least {@code count} ideas over about {@code window} like
     * {@link #submit(String, String, int, int, Duration)}, then goes on with {@link #TRICKLE_PER_SECOND} ideas
     * a second until {@code done} holds; every accepted idea is put into {@code submissions} as it is
     * accepted, so others can watch the load while it runs.
     */
    static Load submitUntil(
            String intakeUrl,
            String run,
            int count,
            int threads,
            Duration window,
            BooleanSupplier done,
            Map<String, Submission> submissions) {
        return submit(intakeUrl, run, count, threads, window, DECIDED_CATEGORIES, done, submissions);
    }

    private static Load submit(
            String intakeUrl,
            String run,
            int count,
            int threads,
            Duration window,
            List<String> categories,
            BooleanSupplier done,
            Map<String, Submission> submissions) {
        Map<String, AtomicInteger> retries = new ConcurrentHashMap<>();
        long spacingNanos = window.toNanos() / Math.max(1, count);
        long tricklePauseNanos = 1_000_000_000L * threads / TRICKLE_PER_SECOND;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger acceptedOfCount = new AtomicInteger();
        long started = System.nanoTime();
        AtomicLong countAcceptedNanos = new AtomicLong();
        try (ExecutorService clients = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < threads; client++) {
                running.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement();
                            i < count || !done.getAsBoolean();
                            i = next.getAndIncrement()) {
                        if (i < count) {
                            // the idea's moment in the window, already past for ideas held up by a fault
                            LockSupport.parkNanos(started + i * spacingNanos - System.nanoTime());
                        }
                        submitOne(intakeUrl, run, i, categories, submissions, retries);
                        if (i < count && acceptedOfCount.incrementAndGet() == count) {
                            countAcceptedNanos.set(System.nanoTime() - started);
                        }
                        if (i >= count) {
                            // pacing the trickle, not waiting for a condition
                            LockSupport.parkNanos(tricklePauseNanos);
                        }
                    }
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } catch (Exception ex) {
            throw new IllegalStateException("Submitting failed: " + ex, ex);
        }
        Map<String, Integer> retried = new TreeMap<>();
        retries.forEach((cause, times) -> retried.put(cause, times.get()));
        return new Load(Map.copyOf(submissions), retried, Duration.ofNanos(countAcceptedNanos.get()));
    }

    private static void submitOne(
            String intakeUrl,
            String run,
            int i,
            List<String> categories,
            Map<String, Submission> submissions,
            Map<String, AtomicInteger> retries) {
        String submitter = SUBMITTERS.get(i % SUBMITTERS.size());
        String key = run + "-" + i;
        String title = "Fault run " + key;
        Submission submission = submissions.computeIfAbsent(
                key, k -> new Submission(k, submitter, title, ConcurrentHashMap.newKeySet()));
        Map<String, Object> body = Map.of(
                "title",
                title,
                "description",
                "Idea " + i + " of fault-injection run " + run + ", submitted while services crash.",
                "category",
                categories.get(i / SUBMITTERS.size() % categories.size()));
        // sent twice on purpose every tenth time: a client that never saw the answer retries with the same key
        int sends = i % 10 == 0 ? 2 : 1;
        for (int send = 0; send < sends; send++) {
            Api.Response response = Retrying.call(
                    () -> Api.as(submitter).post(intakeUrl + "/api/ideas", body, Map.of("Idempotency-Key", key)),
                    RETRY,
                    PATIENCE,
                    retried -> retries.computeIfAbsent(cause(retried), c -> new AtomicInteger())
                            .incrementAndGet());
            if (response.status() != 202) {
                throw new IllegalStateException(
                        "Idea " + key + " refused: " + response.status() + " " + response.body());
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
