package org.suggestionbox.systemtests;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.suggestionbox.localstack.LocalSecrets;
import org.suggestionbox.localstack.LocalStack;

/**
 * The whole stack for system tests, started once per test JVM on free random ports with a fresh data
 * directory and no demo data, and shared by every system test class; stopped when the JVM's tests end.
 * Tests isolate themselves with their own ideas.
 */
final class RunningStack implements AutoCloseable {

    /**
     * Beyond the local stack's own environment: the request mappings are exposed (to administrators
     * only, like every actuator endpoint that is not public) so the authorization matrix can find every
     * endpoint; and a person's submissions are not limited to 20 a minute, as the classes submit as the same
     * few people one after another and would otherwise wait out each other's buckets (no system test expects a
     * 429; intake's own tests prove the limit).
     */
    private static final Map<String, String> SERVICE_ENVIRONMENT = Map.of(
            "MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE",
            "health,info,prometheus,mappings",
            "SUGGESTIONBOX_INTAKE_RATELIMIT",
            "1000000");

    private final LocalStack stack;

    private RunningStack(LocalStack stack) {
        this.stack = stack;
    }

    static RunningStack start() {
        LocalStack stack = TestStacks.builder("suggestionbox-system-tests-")
                .serviceEnvironment(SERVICE_ENVIRONMENT)
                .build();
        long started = System.nanoTime();
        stack.start();
        System.out.printf(
                "[system-tests] whole stack up in %d ms: %s%n",
                (System.nanoTime() - started) / 1_000_000, stack.timings());
        System.out.printf(
                "[system-tests] resident memory (MB): %s; data and logs in %s%n",
                stack.residentMemoryMegabytes(), stack.dataDir());
        return new RunningStack(stack);
    }

    java.nio.file.Path dataDir() {
        return this.stack.dataDir();
    }

    String mongoUri() {
        return this.stack.mongoUri();
    }

    String kafkaBootstrapServers() {
        return this.stack.kafkaBootstrapServers();
    }

    String signInUrl() {
        return this.stack.signInUrl();
    }

    String intakeUrl() {
        return this.stack.intakeUrl();
    }

    String routerUrl() {
        return this.stack.routerUrl();
    }

    String notifierUrl() {
        return this.stack.notifierUrl();
    }

    String mailViewerUrl() {
        return this.stack.mailViewerUrl().orElseThrow();
    }

    /** The secrets this stack generated at its first start and runs its services with. */
    LocalSecrets secrets() {
        return this.stack.secrets();
    }

    /** The mail the stack's SMTP capture received since it started, oldest first. */
    List<MimeMessage> receivedMail() {
        return this.stack.receivedMail().orElseThrow();
    }

    Map<String, Long> residentMemoryMegabytes() {
        return this.stack.residentMemoryMegabytes();
    }

    @Override
    public void close() {
        long started = System.nanoTime();
        System.out.printf("[system-tests] resident memory at the end (MB): %s%n", this.stack.residentMemoryMegabytes());
        this.stack.close();
        System.out.printf("[system-tests] whole stack stopped in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }
}
