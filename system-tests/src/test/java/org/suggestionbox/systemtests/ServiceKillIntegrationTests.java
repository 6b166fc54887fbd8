package org.suggestionbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * No idea lost, doubled or left unanswered while a service is killed with SIGKILL at random moments and
 * restarted, twice in each scenario, with 2,000 ideas on their way through the pipeline: the router, the
 * notifier, intake (its clients retry with the same {@code Idempotency-Key}). The harness, its checker and its
 * knobs are {@link FaultRuns}'; the stack is the class's own.
 *
 * <p>The class runs on a thread of its own beside the other fault scenarios ({@link FaultInjectionIntegrationTests},
 * on their own stack) and every other system test (on one thread, one after the other): its scenarios wait most of
 * their time for restarts and drains, and the suite takes the longest of the three instead of their sum (issue #15).
 */
@Execution(ExecutionMode.CONCURRENT)
class ServiceKillIntegrationTests {

    private static final String INTAKE = "suggestion-intake";

    private static final String ROUTER = "suggestion-router";

    private static final String NOTIFIER = "feedback-notifier";

    private static final int KILLS = Integer.getInteger("faults.kills", 2);

    private static FaultRuns runs;

    @BeforeAll
    static void startOwnStack() {
        runs = FaultRuns.start();
    }

    @AfterAll
    static void stopOwnStack() {
        if (runs != null) {
            runs.close();
        }
    }

    @FaultScenario
    void noIdeaIsLostOrDoubledWhileTheRouterIsKilled() {
        FaultRuns.Run run = runs.underFire(
                "router-kill", (seed, inFlight) -> new ServiceKiller(runs.stack(), ROUTER, KILLS, seed, inFlight));

        FaultRuns.assertClean(run);
        runs.assertNoDecisionReconciledTwice(run);
    }

    @FaultScenario
    void noIdeaIsLostOrDoubledWhileTheNotifierIsKilled() {
        FaultRuns.Run run = runs.underFire(
                "notifier-kill", (seed, inFlight) -> new ServiceKiller(runs.stack(), NOTIFIER, KILLS, seed, inFlight));

        FaultRuns.assertClean(run);
        runs.assertNoDecisionReconciledTwice(run);
    }

    @FaultScenario
    void clientsRetryingWithTheSameIdempotencyKeyGetOneIdeaEachWhileIntakeIsKilled() {
        FaultRuns.Run run = runs.underFire(
                "intake-kill", (seed, inFlight) -> new ServiceKiller(runs.stack(), INTAKE, KILLS, seed, inFlight));

        FaultRuns.assertClean(run);
        runs.assertNoDecisionReconciledTwice(run);
        assertThat(run.load().retried("connection failed"))
                .as("requests cut off or refused by the crashes, retried")
                .isPositive();
    }
}
