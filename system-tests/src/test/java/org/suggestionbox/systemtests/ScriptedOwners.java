package org.suggestionbox.systemtests;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The owners maya and jan, scripted: they poll their queues on the router and decline every idea of the
 * {@linkplain IdeaSubmitters#DECIDED_CATEGORIES decided categories} in them with a reason (ideas of other
 * categories are left undecided on purpose, e.g. for deadline reminders). A decision that fails to connect (the router is down) is sent again; {@code 409} means
 * the idea is decided already (the first attempt got through before the crash) and counts as done.
 */
final class ScriptedOwners implements Runnable {

    static final List<String> OWNERS = List.of("maya", "jan");

    private static final Set<Integer> RETRY = Set.of(500, 502, 503, 504);

    private static final Duration POLL = Duration.ofMillis(300);

    private final String routerUrl;

    private final Supplier<Set<String>> expected;

    private final Duration patience;

    private final Set<String> decided = ConcurrentHashMap.newKeySet();

    private final AtomicInteger alreadyDecided = new AtomicInteger();

    private volatile boolean submittingDone;

    /**
     * @param expected the idea ids submitted so far; the owners stop once every one is decided and
     *        {@link #submittingDone()} was called, or when their patience runs out
     */
    ScriptedOwners(String routerUrl, Supplier<Set<String>> expected, Duration patience) {
        this.routerUrl = routerUrl;
        this.expected = expected;
        this.patience = patience;
    }

    void submittingDone() {
        this.submittingDone = true;
    }

    Set<String> decided() {
        return Set.copyOf(this.decided);
    }

    int alreadyDecided() {
        return this.alreadyDecided.get();
    }

    @Override
    public void run() {
        long deadline = System.nanoTime() + this.patience.toNanos();
        while (System.nanoTime() < deadline) {
            for (String owner : OWNERS) {
                decideQueueOf(owner);
            }
            if (this.submittingDone && this.decided.containsAll(this.expected.get())) {
                return;
            }
            // polling interval of a person refreshing the queue
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    private void decideQueueOf(String owner) {
        Api.Response queue;
        try {
            queue = Api.as(owner).getAll(this.routerUrl + "/api/queue");
        } catch (IllegalStateException ex) {
            return; // router down: look again on the next round
        }
        if (queue.status() != 200) {
            return;
        }
        for (JsonNode item : queue.json()) {
            String id = item.path("id").asString();
            if (!this.decided.contains(id)
                    && IdeaSubmitters.DECIDED_CATEGORIES.contains(
                            item.path("category").asString())) {
                decide(owner, id);
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
