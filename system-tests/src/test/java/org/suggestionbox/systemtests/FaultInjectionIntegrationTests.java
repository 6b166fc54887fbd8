package org.suggestionbox.systemtests;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.suggestionbox.localstack.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "No idea goes unanswered", under fire: ideas are submitted over HTTP by several clients while a service
 * is killed with SIGKILL at random moments and restarted; scripted owners decline every idea; then a
 * checker proves through the APIs that none was lost, none doubled and every submitter got exactly one
 * decision message per idea. Runs on a stack of its own (see {@link FaultInjectionStack}) so the crashes
 * never touch the shared stack of the other system tests.
 *
 * <p>Knobs (system properties): {@code faults.ideas} (default 300), {@code faults.kills} (default 2),
 * {@code faults.seed} (default random, always printed) and {@code faults.submit-seconds} (how long the
 * submissions are spread over, default 20).
 */
class FaultInjectionIntegrationTests {

    private static final String ROUTER = "suggestion-router";

    private static final String NOTIFIER = "feedback-notifier";

    private static final int CLIENT_THREADS = 6;

    private static final Duration CHECK_TIMEOUT = Duration.ofMinutes(3);

    private static final Duration OWNER_PATIENCE = Duration.ofMinutes(4);

    private static final int IDEAS = Integer.getInteger("faults.ideas", 300);

    private static final int KILLS = Integer.getInteger("faults.kills", 2);

    private static final Duration SUBMIT_WINDOW = Duration.ofSeconds(Integer.getInteger("faults.submit-seconds", 20));

    private static LocalStack stack;

    @BeforeAll
    static void startOwnStack() {
        stack = FaultInjectionStack.start();
    }

    @AfterAll
    static void stopOwnStack() {
        if (stack != null) {
            System.out.printf("[fault-injection] resident memory at the end (MB): %s%n", stack.residentMemoryMegabytes());
            stack.close();
        }
    }

    @Test
    void noIdeaIsLostOrDoubledWhileTheRouterIsKilled() {
        PipelineChecker.Verdict verdict = runUnderFire(ROUTER);

        assertThat(verdict.clean()).as(verdict.toString()).isTrue();
    }

    @Test
    void noIdeaIsLostOrDoubledWhileTheNotifierIsKilled() {
        PipelineChecker.Verdict verdict = runUnderFire(NOTIFIER);

        assertThat(verdict.clean()).as(verdict.toString()).isTrue();
    }

    private static PipelineChecker.Verdict runUnderFire(String victim) {
        long seed = Long.getLong("faults.seed", System.nanoTime());
        String run = victim.substring(victim.indexOf('-') + 1) + "-" + Long.toHexString(seed);
        System.out.printf("[fault-injection] run %s: %d ideas, %d SIGKILLs of %s, seed %d (-Dfaults.seed=%d repeats "
                + "the kill moments)%n", run, IDEAS, KILLS, victim, seed, seed);
        long started = System.nanoTime();

        AtomicReference<Collection<IdeaSubmitters.Submission>> submitted = new AtomicReference<>(List.of());
        ScriptedOwners owners = new ScriptedOwners(stack.routerUrl(), () -> idsOf(submitted.get()), OWNER_PATIENCE);
        ServiceKiller killer = new ServiceKiller(stack, victim, KILLS, seed);
        CompletableFuture<Void> killing = CompletableFuture.runAsync(killer);
        CompletableFuture<Void> deciding = CompletableFuture.runAsync(owners);

        submitted.set(IdeaSubmitters.submit(stack.intakeUrl(), run, IDEAS, CLIENT_THREADS, SUBMIT_WINDOW).values());
        long submittedAt = System.nanoTime();
        owners.submittingDone();
        join(killing, "killing and restarting " + victim);
        long killsDoneAt = System.nanoTime();
        join(deciding, "the scripted owners");
        long decidedAt = System.nanoTime();

        PipelineChecker.Verdict verdict = new PipelineChecker(stack.routerUrl(), stack.notifierUrl())
                .awaitVerdict(submitted.get(), CHECK_TIMEOUT);
        long checkedAt = System.nanoTime();

        System.out.printf("[fault-injection] %s: %s%n", run, verdict);
        System.out.printf("[fault-injection] %s timings: submitted %d ms, kills done %d ms, all decided %d ms "
                + "(%d decided, %d answered 409 already decided), checked %d ms; %s%n", run, millis(started, submittedAt),
                millis(started, killsDoneAt), millis(started, decidedAt), owners.decided().size(),
                owners.alreadyDecided(), millis(started, checkedAt), killer.timings());
        return verdict;
    }

    private static Set<String> idsOf(Collection<IdeaSubmitters.Submission> submissions) {
        return submissions.stream().flatMap(submission -> submission.ideaIds().stream()).collect(Collectors.toSet());
    }

    private static void join(CompletableFuture<Void> task, String what) {
        try {
            task.get(OWNER_PATIENCE.toSeconds() + 60, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            throw new AssertionError("Failed: " + what + ": " + ex, ex);
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
