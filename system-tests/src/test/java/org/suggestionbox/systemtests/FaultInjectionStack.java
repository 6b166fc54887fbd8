package org.suggestionbox.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.suggestionbox.localstack.LocalStack;
import org.suggestionbox.localstack.Ports;

/**
 * A whole stack of its own for the fault-injection tests, on free random ports with a fresh data
 * directory, so killing its services never disturbs the shared {@link RunningStack} other system tests
 * use. Tuned for load from three people: no per-person rate limit worth the name, inbox pages large
 * enough to hold every message of a run, and Kafka consumer sessions that expire in 10 s so a killed
 * consumer's partitions move to its restarted successor quickly instead of after the default 45 s.
 */
final class FaultInjectionStack {

    private FaultInjectionStack() {
    }

    static LocalStack start() {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("suggestionbox-fault-injection-");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Path projectDir = Path.of(System.getProperty("suggestionbox.project-dir", ".."));
        LocalStack stack = LocalStack.builder().dataDir(dataDir).projectDir(projectDir).ports(Ports.random())
                .demoData(false)
                .serviceEnvironment(Map.of(
                        "SUGGESTIONBOX_INTAKE_RATELIMIT", "1000000",
                        "SUGGESTIONBOX_NOTIFIER_INBOXPAGESIZE", "100000",
                        "SPRING_APPLICATION_JSON",
                        "{\"spring.kafka.consumer.properties.session.timeout.ms\":\"10000\","
                                + "\"spring.kafka.consumer.properties.heartbeat.interval.ms\":\"1000\"}"))
                .build();
        long started = System.nanoTime();
        stack.start();
        System.out.printf("[fault-injection] own stack up in %d ms: %s; data and logs in %s%n",
                (System.nanoTime() - started) / 1_000_000, stack.timings(), dataDir);
        return stack;
    }
}
