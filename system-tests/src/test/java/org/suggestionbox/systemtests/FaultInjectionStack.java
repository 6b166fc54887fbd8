package org.suggestionbox.systemtests;

import java.time.Duration;
import java.util.Map;
import org.suggestionbox.localstack.LocalStack;

/**
 * A whole stack of its own for each class of fault scenarios ({@link FaultRuns}), on free random ports with a fresh data
 * directory, so killing its services never disturbs the shared {@link RunningStack} other system tests
 * use. Tuned for load from three people: no per-person or global rate limit worth the name (the pipeline,
 * not intake's buckets, sets the pace of a scenario; intake's own tests prove the 429s), inbox pages large
 * enough to hold every message of a run, and Kafka consumer sessions that expire in 10 s so a killed
 * consumer's partitions move to its restarted successor quickly instead of after the default 45 s.
 * Ideas of the {@linkplain Scaler#DEADLINE_CATEGORY deadline category} get a {@link #DEADLINE} answer
 * deadline with one half-time reminder, and the router's watchdog looks every 2 s, so reminders and
 * escalations fall due during a run. Its lock is held at most 60 s instead of 10 minutes: a pass that the MongoDB
 * outage cuts short cannot release the lock (the release fails too), and for 10 minutes no router would look, so a
 * later scenario's 20 s deadlines would not fall due in its time. The notifier's answer reconciler runs every 5 s and redelivers a
 * decision not delivered within 60 s, so it works (on both notifiers when scaled out) during long runs.
 * No sign-in provider: the scenarios' clients, owners and checker call the APIs with the local profile's
 * HTTP Basic, so the two fault stacks start two JVMs fewer beside the other system tests' stack.
 */
final class FaultInjectionStack {

    static final Duration DEADLINE = Duration.ofSeconds(20);

    /**
     * The services of a fault stack run at this niceness: their load is batch work (thousands of ideas to drain,
     * restarts to wait out), while the other system tests beside them wait for single answers from the shared
     * stack; on a busy machine the scheduler gives the shared stack's services the CPU first. The kernel still
     * gives the niced services all the CPU nobody else asks for.
     */
    static final int SERVICE_NICENESS = 10;

    /**
     * How long a killed or added service may take until it is healthy, and so how long clients keep retrying
     * it: CI's restarts take under a minute, a 2-core machine shared with other builds needs minutes.
     */
    static final Duration RESTART_PATIENCE = Duration.ofMinutes(5);

    private FaultInjectionStack() {}

    static LocalStack start() {
        LocalStack stack = TestStacks.builder("suggestionbox-fault-injection-")
                .startSignIn(false)
                .serviceNiceness(SERVICE_NICENESS)
                .healthTimeout(RESTART_PATIENCE)
                .serviceEnvironment(Map.of(
                        "SUGGESTIONBOX_INTAKE_RATELIMIT",
                        "1000000",
                        "SUGGESTIONBOX_INTAKE_GLOBALRATELIMIT_LIMIT",
                        "1000000",
                        "SUGGESTIONBOX_NOTIFIER_INBOXPAGESIZE",
                        "100000",
                        "RECONCILER_INTERVAL",
                        "5s",
                        "RECONCILER_GRACE",
                        "60s",
                        "SPRING_APPLICATION_JSON",
                        "{\"spring.kafka.consumer.properties.session.timeout.ms\":\"10000\","
                                + "\"spring.kafka.consumer.properties.heartbeat.interval.ms\":\"1000\","
                                + "\"suggestionbox.router.deadlines.categories." + Scaler.DEADLINE_CATEGORY + "\":\""
                                + DEADLINE + "\","
                                + "\"suggestionbox.router.deadlines.reminders\":\"HALF_TIME\","
                                + "\"suggestionbox.router.deadlines.watchdog-interval\":\"2s\","
                                + "\"suggestionbox.router.deadlines.watchdog-lock-at-most-for\":\"60s\"}"))
                .build();
        long started = System.nanoTime();
        stack.start();
        System.out.printf(
                "[fault-injection] own stack up in %d ms: %s; data and logs in %s%n",
                (System.nanoTime() - started) / 1_000_000, stack.timings(), stack.dataDir());
        return stack;
    }
}
