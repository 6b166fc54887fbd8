package org.suggestionbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.suggestionbox.localstack.LocalStack;

/**
 * "No idea goes unanswered", under fire: ideas are submitted over HTTP by several clients while something
 * goes wrong — a service is killed with SIGKILL at random moments and restarted, the Kafka broker or the
 * MongoDB-wire server is away for 20 s, poison lands on every consumed topic, the router and notifier are
 * scaled out and in — and scripted owners decline every idea; then a checker proves through the APIs that
 * none was lost, none doubled and every submitter got exactly one decision message per idea. Every scenario
 * prints {@code [fault-injection] <run>: ideas=… lost=… duplicated=… unanswered=…} and fails on any
 * non-zero. One stack of its own serves the whole class (see {@link FaultInjectionStack}), so the crashes
 * never touch the shared stack of the other system tests; each scenario has its own run id and ideas.
 *
 * <p>Knobs (system properties): {@code faults.ideas} (ideas for every scenario; by default 2,000 for the three
 * kill scenarios, the size issue #6 asks of CI, and 200 for each of the others), or per scenario {@code faults.<scenario>.ideas} (scenarios:
 * router-kill, notifier-kill, intake-kill, broker-outage, mongo-outage, poison, scale-out); {@code faults.kills}
 * (default 2), {@code faults.outage-seconds} (default 20), {@code faults.seed} (default random, always printed)
 * and {@code faults.submit-seconds} (how long the scenario's ideas are spread over, default 20; per scenario
 * {@code faults.<scenario>.submit-seconds}). After that window the clients go on, two ideas a second together, until
 * the fault is over, so every kill, outage and scaling step meets live requests.
 *
 * <p>Defaults changed with issue #15, to bring the class down from 1,140 s in CI on a 2-core machine:
 * <ul>
 * <li>The three kill scenarios still submit 2,000 ideas each, but no longer at the pace of the intake's global
 * limit of 600 ideas a minute (which made submitting them take 150-190 s): the stack lifts that limit (the
 * pipeline, not the bucket, sets the pace; intake's own tests prove the 429s), and the load is tied to the fault
 * itself, so the ideas arrive in the first 20 s (faster than the pipeline drains, so a backlog builds in every
 * stage) and live requests go on until the last restarted instance is healthy again. Each kill prints how many
 * accepted ideas were still undecided at that moment.</li>
 * <li>The other scenarios submit 200 instead of 300 ideas; scale-out no longer spreads its ideas over a fixed
 * 90 s but keeps the load going until the instances have started, worked the deadlines and stopped.</li>
 * <li>The checker paces its passes by their own cost (at least 1 s apart) instead of every 10 s.</li>
 * </ul>
 *
 * <p>With issue #13 (services 10-20 times cheaper per idea), a checker pass reads only the run's own ideas and
 * messages (the lists are newest first) and asks the router per idea only in its final pass, so a pass costs a
 * few pages instead of every idea the class submitted so far plus one request per idea not yet routed. Every
 * scenario prints a {@code phases} line: when its ideas were accepted, when the fault was over (each kill with
 * its restart until healthy), when the load stopped, when every idea was decided, when the checker was clean
 * and how many passes it took.
 *
 * <p>Besides the checker, every scenario but the poison one must leave the dead-letter topics as it found
 * them: a record dead-lettered by a crash or an outage would be an idea, a decision or a proof given up.
 *
 * <p>The class runs on a thread of its own beside every other system test (they stay on one thread, one after
 * the other): its stack shares nothing with theirs but the machine, its scenarios wait most of their time for
 * restarts, outages and drains, and the suite takes the longer of the two instead of their sum (issue #15).
 */
@Execution(ExecutionMode.CONCURRENT)
class FaultInjectionIntegrationTests {

    private static final String INTAKE = "suggestion-intake";

    private static final String ROUTER = "suggestion-router";

    private static final String NOTIFIER = "feedback-notifier";

    private static final int CLIENT_THREADS = 6;

    private static final Map<String, Integer> DEFAULT_IDEAS =
            Map.of("router-kill", 2000, "notifier-kill", 2000, "intake-kill", 2000);

    private static final int OTHER_SCENARIOS_IDEAS = 200;

    private static final int KILLS = Integer.getInteger("faults.kills", 2);

    private static final Duration OUTAGE = Duration.ofSeconds(Integer.getInteger("faults.outage-seconds", 20));

    private static final int SUBMIT_SECONDS = Integer.getInteger("faults.submit-seconds", 20);

    private static final Duration SUBMIT_WINDOW = Duration.ofSeconds(SUBMIT_SECONDS);

    private static final int DEADLINE_IDEAS = 12;

    private static final Pattern RECONCILED =
            Pattern.compile("The decision (\\S+) of idea \\S+ has not reached all its submitters; delivering it again");

    private static LocalStack stack;

    private static KafkaTopics kafka;

    @BeforeAll
    static void startOwnStack() {
        stack = FaultInjectionStack.start();
        kafka = new KafkaTopics(stack.kafkaBootstrapServers());
    }

    @AfterAll
    static void stopOwnStack() {
        if (stack != null) {
            System.out.printf(
                    "[fault-injection] resident memory at the end (MB): %s%n", stack.residentMemoryMegabytes());
            stack.close();
        }
    }

    @FaultScenario
    void noIdeaIsLostOrDoubledWhileTheRouterIsKilled() {
        Run run = runUnderFire(
                "router-kill", (seed, inFlight) -> new ServiceKiller(stack, ROUTER, KILLS, seed, inFlight));

        assertClean(run);
    }

    @FaultScenario
    void noIdeaIsLostOrDoubledWhileTheNotifierIsKilled() {
        Run run = runUnderFire(
                "notifier-kill", (seed, inFlight) -> new ServiceKiller(stack, NOTIFIER, KILLS, seed, inFlight));

        assertClean(run);
    }

    @FaultScenario
    void clientsRetryingWithTheSameIdempotencyKeyGetOneIdeaEachWhileIntakeIsKilled() {
        Run run = runUnderFire(
                "intake-kill", (seed, inFlight) -> new ServiceKiller(stack, INTAKE, KILLS, seed, inFlight));

        assertClean(run);
        assertThat(run.load().retried("connection failed"))
                .as("requests cut off or refused by the crashes, retried")
                .isPositive();
    }

    @FaultScenario
    void intakeAnswers503WhileTheBrokerIsAwayAndEverythingAcceptedArrives() {
        Run run = runUnderFire(
                "broker-outage",
                (seed, inFlight) ->
                        new Outage("Kafka", stack::stopKafka, stack::startKafka, outageStart(seed), OUTAGE));

        assertClean(run);
        assertThat(run.load().retried("503 with Retry-After"))
                .as("503 answers with Retry-After during the outage; " + "all retries: "
                        + run.load().retries())
                .isPositive();
    }

    @FaultScenario
    void consumersResumeAfterTheDatabaseWasAwayAndNothingIsLost() {
        Run run = runUnderFire(
                "mongo-outage",
                (seed, inFlight) -> new Outage(
                        "MongoDB-wire server", stack::stopMongo, stack::startMongo, outageStart(seed), OUTAGE));

        assertClean(run);
    }

    @FaultScenario
    void poisonOnEveryConsumedTopicLandsInItsDeadLetterTopicAndThePartitionsKeepFlowing() {
        AtomicReference<PoisonInjector> injector = new AtomicReference<>();
        Run run = runUnderFire("poison", (seed, inFlight) -> {
            injector.set(new PoisonInjector(kafka, "poison-" + Long.toHexString(seed), Duration.ofSeconds(2)));
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
        Run run = runUnderFire("scale-out", (seed, inFlight) -> {
            scaler.set(new Scaler(
                    stack,
                    kafka,
                    "scale-" + Long.toHexString(seed),
                    DEADLINE_IDEAS,
                    FaultInjectionStack.DEADLINE,
                    Duration.ofSeconds(1)));
            return scaler.get();
        });

        assertClean(run);
        List<Scaler.DeadlineEvents> deadlines = scaler.get().deadlineEvents();
        System.out.printf(
                "[fault-injection] %s: %d undecided ideas with a %d s deadline, reminders and escalations "
                        + "on ideas.lifecycle.v1: %s%n",
                run.name(),
                deadlines.size(),
                FaultInjectionStack.DEADLINE.toSeconds(),
                deadlines.stream()
                        .map(events -> events.reminders() + "/" + events.escalations())
                        .toList());
        assertThat(deadlines)
                .hasSize(DEADLINE_IDEAS)
                .allSatisfy(events -> assertThat(events.reminders())
                        .as("reminders of %s", events.ideaId())
                        .isOne())
                .allSatisfy(events -> assertThat(events.escalations())
                        .as("escalations of %s", events.ideaId())
                        .isOne());
        Map<String, Long> reconciled = reconciledDecisions();
        System.out.printf(
                "[fault-injection] %s: the answer reconciler delivered %d decisions again over the class "
                        + "so far, none twice: %s%n",
                run.name(), reconciled.size(), reconciled.values().stream().allMatch(times -> times == 1));
        assertThat(reconciled)
                .as("decisions the answer reconciler delivered more than once")
                .allSatisfy((decision, times) -> assertThat(times).isOne());
    }

    /** The checker found nothing, and nothing was given up into a dead-letter topic. */
    private static void assertClean(Run run) {
        assertThat(run.verdict().clean()).as(run.verdict().toString()).isTrue();
        assertThat(run.newDeadLetters())
                .as("records dead-lettered during %s", run.name())
                .allSatisfy((topic, letters) -> assertThat(letters).as(topic).isZero());
    }

    private record Run(
            String name,
            PipelineChecker.Verdict verdict,
            IdeaSubmitters.Load load,
            Map<String, Integer> newDeadLetters) {}

    /** Makes a scenario's fault from its seed and a count of the ideas in flight (accepted, not yet decided). */
    @FunctionalInterface
    private interface FaultFactory {

        Fault create(long seed, IntSupplier inFlight);
    }

    private static Run runUnderFire(String scenario, FaultFactory faultOf) {
        long seed = Long.getLong("faults.seed", System.nanoTime());
        int ideas = Integer.getInteger(
                "faults." + scenario + ".ideas",
                Integer.getInteger("faults.ideas", DEFAULT_IDEAS.getOrDefault(scenario, OTHER_SCENARIOS_IDEAS)));
        Duration window =
                Duration.ofSeconds(Integer.getInteger("faults." + scenario + ".submit-seconds", SUBMIT_SECONDS));
        Map<String, Integer> deadLettersBefore = deadLetters();
        String run = scenario + "-" + Long.toHexString(seed);
        System.out.printf(
                "[fault-injection] run %s: %d ideas, seed %d (-Dfaults.seed=%d repeats the fault " + "moments)%n",
                run, ideas, seed, seed);
        long started = System.nanoTime();
        // ideas and messages of earlier runs are older than this; the margin only makes the checker read more
        Instant since = Instant.now().minusSeconds(5);

        Map<String, IdeaSubmitters.Submission> accepted = new ConcurrentHashMap<>();
        Duration ownerPatience = patienceFor(ideas);
        ScriptedOwners owners = new ScriptedOwners(stack.routerUrl(), () -> idsOf(accepted.values()), ownerPatience);
        Fault fault = faultOf.create(seed, () -> {
            Set<String> ids = idsOf(accepted.values());
            ids.removeAll(owners.decided());
            return ids.size();
        });
        AtomicLong faultOverAt = new AtomicLong();
        CompletableFuture<Void> faulting =
                CompletableFuture.runAsync(fault).whenComplete((done, failure) -> faultOverAt.set(System.nanoTime()));
        CompletableFuture<Void> deciding = CompletableFuture.runAsync(owners);

        // the load goes on until the fault is over, so no crash or outage happens after the last request
        IdeaSubmitters.Load load = IdeaSubmitters.submitUntil(
                stack.intakeUrl(), run, ideas, CLIENT_THREADS, window, faulting::isDone, accepted);
        Collection<IdeaSubmitters.Submission> submitted = load.submissions().values();
        long submittedAt = System.nanoTime();
        owners.submittingDone();
        join(faulting, "the fault " + scenario, ownerPatience);
        join(deciding, "the scripted owners", ownerPatience);
        long decidedAt = System.nanoTime();

        PipelineChecker checker = new PipelineChecker(stack.routerUrl(), stack.notifierUrl(), since);
        PipelineChecker.Verdict verdict = checker.awaitVerdict(submitted, ownerPatience);
        long checkedAt = System.nanoTime();
        Map<String, Integer> newDeadLetters = new java.util.TreeMap<>();
        deadLetters().forEach((topic, letters) -> newDeadLetters.put(topic, letters - deadLettersBefore.get(topic)));

        System.out.printf("[fault-injection] %s: %s%n", run, verdict);
        System.out.printf(
                "[fault-injection] %s timings: submitted %d ms (retries %s), fault done %d ms, all decided "
                        + "%d ms (%d decided, %d answered 409 already decided), checked %d ms; new dead letters %s; %s%n",
                run,
                millis(started, submittedAt),
                load.retries(),
                millis(started, faultOverAt.get()),
                millis(started, decidedAt),
                owners.decided().size(),
                owners.alreadyDecided(),
                millis(started, checkedAt),
                newDeadLetters,
                fault.timings());
        // the phases the lead's closing note reports, one line a scenario
        System.out.printf(
                "[fault-injection] %s phases: %d ideas accepted %d ms, fault over %d ms (%s), load stopped %d ms "
                        + "(%d ideas), all decided %d ms, checker clean %d ms (drain after the fault %d ms; "
                        + "%d passes, %d ms of them checking)%n",
                run,
                ideas,
                load.countAccepted().toMillis(),
                millis(started, faultOverAt.get()),
                String.join("; ", fault.timings()),
                millis(started, submittedAt),
                submitted.size(),
                millis(started, decidedAt),
                millis(started, checkedAt),
                millis(faultOverAt.get(), checkedAt),
                checker.passes(),
                checker.checking().toMillis());
        return new Run(run, verdict, load, newDeadLetters);
    }

    /** How many records each dead-letter topic holds now. */
    private static Map<String, Integer> deadLetters() {
        Map<String, Integer> letters = new java.util.TreeMap<>();
        for (String topic : PoisonInjector.TOPICS) {
            letters.put(topic + ".DLT", kafka.readAll(topic + ".DLT").size());
        }
        return letters;
    }

    /** A seeded moment a quarter to half into the submission window, so ideas are accepted before and after. */
    private static Duration outageStart(long seed) {
        long window = SUBMIT_WINDOW.toMillis();
        return Duration.ofMillis(window / 4 + new Random(seed).nextLong(window / 4 + 1));
    }

    /** How long the owners and the checker wait: the notifier needs about 0.1 s an idea on this machine, and more. */
    private static Duration patienceFor(int ideas) {
        return Duration.ofMinutes(4).plusMillis(ideas * 150L);
    }

    /** How often each decision was delivered again by the answer reconciler, over every notifier instance's log. */
    private static Map<String, Long> reconciledDecisions() {
        try (Stream<Path> logs = Files.list(stack.dataDir().resolve("logs"))) {
            return logs.filter(log -> log.getFileName().toString().startsWith(NOTIFIER))
                    .flatMap(log -> {
                        try {
                            return Files.readAllLines(log).stream();
                        } catch (IOException ex) {
                            throw new UncheckedIOException(ex);
                        }
                    })
                    .map(RECONCILED::matcher)
                    .filter(Matcher::find)
                    .map(matcher -> matcher.group(1))
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Set<String> idsOf(Collection<IdeaSubmitters.Submission> submissions) {
        return submissions.stream()
                .flatMap(submission -> submission.ideaIds().stream())
                .collect(Collectors.toCollection(java.util.HashSet::new));
    }

    private static void join(CompletableFuture<Void> task, String what, Duration patience) {
        try {
            task.get(patience.toSeconds() + 60, TimeUnit.SECONDS);
        } catch (Exception ex) {
            throw new AssertionError("Failed: " + what + ": " + ex, ex);
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
