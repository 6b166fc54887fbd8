package org.suggestionbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * No idea lost, doubled or left unanswered while a part the services depend on fails: the Kafka broker or the
 * MongoDB-wire server is away for 20 s, poison lands on every consumed topic, the router and notifier are scaled
 * out and in while reminders and escalations fall due. The harness, its checker and its knobs are
 * {@link FaultRuns}'; the stack is the class's own. The kill scenarios are {@link ServiceKillIntegrationTests}.
 *
 * <p>The class runs on a thread of its own beside the kill scenarios (on their own stack) and every other system
 * test (on one thread, one after the other): its scenarios wait most of their time for outages, starts and drains,
 * and the suite takes the longest of the three instead of their sum (issue #15).
 */
@Execution(ExecutionMode.CONCURRENT)
class FaultInjectionIntegrationTests {

    private static final Duration OUTAGE = Duration.ofSeconds(Integer.getInteger("faults.outage-seconds", 20));

    private static final int DEADLINE_IDEAS = 12;

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
    void intakeAnswers503WhileTheBrokerIsAwayAndEverythingAcceptedArrives() {
        FaultRuns.Run run = runs.underFire(
                "broker-outage",
                (seed, inFlight) -> new Outage(
                        "Kafka",
                        runs.stack()::stopKafka,
                        runs.stack()::startKafka,
                        FaultRuns.outageStart(seed),
                        OUTAGE));

        FaultRuns.assertClean(run);
        assertThat(run.load().retried("503 with Retry-After"))
                .as("503 answers with Retry-After during the outage; " + "all retries: "
                        + run.load().retries())
                .isPositive();
    }

    @FaultScenario
    void consumersResumeAfterTheDatabaseWasAwayAndNothingIsLost() {
        FaultRuns.Run run = runs.underFire(
                "mongo-outage",
                (seed, inFlight) -> new Outage(
                        "MongoDB-wire server",
                        runs.stack()::stopMongo,
                        runs.stack()::startMongo,
                        FaultRuns.outageStart(seed),
                        OUTAGE));

        FaultRuns.assertClean(run);
    }

    @FaultScenario
    void poisonOnEveryConsumedTopicLandsInItsDeadLetterTopicAndThePartitionsKeepFlowing() {
        AtomicReference<PoisonInjector> injector = new AtomicReference<>();
        FaultRuns.Run run = runs.underFire("poison", (seed, inFlight) -> {
            injector.set(new PoisonInjector(runs.kafka(), "poison-" + Long.toHexString(seed), Duration.ofSeconds(2)));
            return injector.get();
        });

        assertThat(run.verdict().clean()).as(run.verdict().toString()).isTrue();
        PoisonInjector poison = injector.get();
        assertThat(poison.injected()).hasSize(PoisonInjector.TOPICS.size() * PoisonInjector.PARTITIONS * 3);
        await().atMost(Duration.ofSeconds(60))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(poison.missingDeadLetters()).isEmpty());
        poison.injected().stream()
                .filter(record -> record.partition() == 0)
                .forEach(record ->
                        System.out.printf("[fault-injection] dead letter of %s: %s%n", record, poison.causeOf(record)));
        System.out.printf(
                "[fault-injection] %s: %d poison records, each in its .DLT with original bytes, "
                        + "partition, offset and cause%n",
                run.name(), poison.injected().size());
    }

    @FaultScenario
    void scalingRoutersAndNotifiersOutAndInLosesNothingAndScheduledJobsRunOnce() {
        AtomicReference<Scaler> scaler = new AtomicReference<>();
        FaultRuns.Run run = runs.underFire("scale-out", (seed, inFlight) -> {
            scaler.set(new Scaler(
                    runs.stack(),
                    runs.kafka(),
                    "scale-" + Long.toHexString(seed),
                    DEADLINE_IDEAS,
                    FaultInjectionStack.DEADLINE,
                    Duration.ofSeconds(1)));
            return scaler.get();
        });

        FaultRuns.assertClean(run);
        List<Scaler.DeadlineEvents> deadlines = scaler.get().deadlineEvents();
        System.out.printf(
                "[fault-injection] %s: %d undecided ideas with a %d s deadline, reminders and escalations "
                        + "on ideas.lifecycle.v1 (distinct events, and records republished by the outbox sweep): %s%n",
                run.name(),
                deadlines.size(),
                FaultInjectionStack.DEADLINE.toSeconds(),
                deadlines.stream()
                        .map(events -> events.reminders() + "/" + events.escalations() + " +" + events.republished())
                        .toList());
        assertThat(deadlines)
                .hasSize(DEADLINE_IDEAS)
                .allSatisfy(events -> assertThat(events.reminders())
                        .as("reminders of %s", events.ideaId())
                        .isOne())
                .allSatisfy(events -> assertThat(events.escalations())
                        .as("escalations of %s", events.ideaId())
                        .isOne());
        assertThat(scaler.get().escalationsInHistory())
                .as("ESCALATED entries in each deadline idea's history")
                .hasSize(DEADLINE_IDEAS)
                .allSatisfy(
                        (ideaId, escalated) -> assertThat(escalated).as(ideaId).isOne());
        runs.assertNoDecisionReconciledTwice(run);
    }
}
