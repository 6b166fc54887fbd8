package org.suggestionbox.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The owners maya and jan, scripted: they poll their queues on the router and decline every idea of the
 * {@linkplain IdeaSubmitters#DECIDED_CATEGORIES decided categories} in them with a reason (ideas of other
 * categories are left undecided on purpose, e.g. for deadline reminders). A decision that fails to connect (the router is down) is sent again; {@code 409} means
 * the idea is decided already (the first attempt got through before the crash) and counts as done.
 *
 * <p>Each round sends up to {@value #DECISIONS_AT_ONCE} decisions at a time, as several managers working their
 * queues would, and waits for all of them before the queues are read again, so no idea is decided twice by the
 * owners themselves. One decision at a time, the owners and not the pipeline set the pace of a drain: after a
 * router kill they took 38 s for 2,000 decisions (issue #15).
 */
final class ScriptedOwners implements Runnable {

    static final List<String> OWNERS = List.of("maya", "jan");

    private static final Set<Integer> RETRY = Set.of(500, 502, 503, 504);

    private static final Duration POLL = Duration.ofMillis(300);

    private static final int DECISIONS_AT_ONCE = 8;

    /** Longer than any scenario's load: its window, then every restart or added instance up to its patience. */
    private static final Duration LONGEST_LOAD = Duration.ofMinutes(30);

    private final String routerUrl;

    private final Supplier<Set<String>> expected;

    private final Duration patience;

    private final Set<String> decided = ConcurrentHashMap.newKeySet();

    private final AtomicInteger alreadyDecided = new AtomicInteger();

    /** When the last idea was in ({@link System#nanoTime()}), or 0 while ideas still arrive. */
    private volatile long submittingDoneAt;

    /**
     * @param expected the idea ids submitted so far; the owners stop once every one is decided and
     *        {@link #submittingDone()} was called, or when their patience runs out
     * @param patience how long the owners go on after the last idea was in: ideas arrive as long as a fault
     *        lasts, and a scale-out on a busy machine has lasted longer than the whole run was expected to (its
     *        owners, whose patience then counted from the start, stopped with 16 ideas of the trickle undecided)
     */
    ScriptedOwners(String routerUrl, Supplier<Set<String>> expected, Duration patience) {
        this.routerUrl = routerUrl;
        this.expected = expected;
        this.patience = patience;
    }

    void submittingDone() {
        this.submittingDoneAt = System.nanoTime();
    }

    Set<String> decided() {
        return Set.copyOf(this.decided);
    }

    int alreadyDecided() {
        return this.alreadyDecided.get();
    }

    @Override
    public void run() {
        long started = System.nanoTime();
        try (ExecutorService deciding = Executors.newFixedThreadPool(DECISIONS_AT_ONCE)) {
            while (!patienceRanOut(started)) {
                List<Future<?>> decisions = new ArrayList<>();
                for (String owner : OWNERS) {
                    for (String id : undecidedInQueueOf(owner)) {
                        decisions.add(deciding.submit(() -> decide(owner, id)));
                    }
                }
                awaitAll(decisions);
                if (this.submittingDoneAt != 0 && this.decided.containsAll(this.expected.get())) {
                    return;
                }
                // polling interval of a person refreshing the queue
                LockSupport.parkNanos(POLL.toNanos());
            }
        }
    }

    /**
     * Whether the patience has passed since the last idea was in; while ideas still arrive, only once
     * {@link #LONGEST_LOAD} has passed as well, so owners whose load never ends do not decide forever.
     */
    private boolean patienceRanOut(long started) {
        long doneAt = this.submittingDoneAt;
        long from = doneAt != 0 ? doneAt : started + LONGEST_LOAD.toNanos();
        return System.nanoTime() - from > this.patience.toNanos();
    }

    /** The ideas of the decided categories in the owner's queue not decided yet; none while the router is down. */
    private List<String> undecidedInQueueOf(String owner) {
        Api.Response queue;
        try {
            queue = Api.as(owner).getAll(this.routerUrl + "/api/queue");
        } catch (IllegalStateException ex) {
            return List.of(); // router down: look again on the next round
        }
        if (queue.status() != 200) {
            return List.of();
        }
        List<String> undecided = new ArrayList<>();
        for (JsonNode item : queue.json()) {
            String id = item.path("id").asString();
            if (!this.decided.contains(id)
                    && IdeaSubmitters.DECIDED_CATEGORIES.contains(
                            item.path("category").asString())) {
                undecided.add(id);
            }
        }
        return undecided;
    }

    private static void awaitAll(List<Future<?>> decisions) {
        for (Future<?> decision : decisions) {
            try {
                decision.get();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while deciding", ex);
            } catch (ExecutionException ex) {
                throw new IllegalStateException("A decision failed: " + ex.getCause(), ex.getCause());
            }
        }
    }

    private void decide(String owner, String id) {
        Api.Response response = Retrying.call(
                () -> Api.as(owner)
                        .post(
                                this.routerUrl + "/api/ideas/" + id + "/decision",
                                Map.of(
                                        "outcome",
                                        "DECLINE",
                                        "reasonCode",
                                        "NOT_FEASIBLE",
                                        "explanation",
                                        "Declined by the scripted owner of the fault-injection test.")),
                RETRY,
                FaultInjectionStack.RESTART_PATIENCE);
        if (response.status() == 409) {
            this.alreadyDecided.incrementAndGet();
            this.decided.add(id);
        } else if (response.status() >= 200 && response.status() < 300) {
            this.decided.add(id);
        } else {
            System.out.printf(
                    "[fault-injection] %s could not decide %s: %d %s%n", owner, id, response.status(), response.body());
        }
    }
}
