package org.suggestionbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.suggestionbox.localstack.FreePorts;
import org.suggestionbox.localstack.LocalStack;

/**
 * Production is the default (issue #11): a service's executable jar started without the {@code local}
 * profile and without its secrets exits non-zero within 30 s, and its one error names every missing
 * environment variable its application.yml declares, the settings no demo value stands in for (the directory,
 * the links to the services, the triage owner, the mail's sender) among them.
 */
class ProductionStartIntegrationTests {

    private static final Path PROJECT_DIR = TestStacks.PROJECT_DIR;

    private static final Duration LIMIT = Duration.ofSeconds(30);

    /** Everything that could hand a service a secret or the local profile from the test's own environment. */
    private static final List<String> CLEARED = List.of(
            "SPRING_PROFILES_ACTIVE",
            "SPRING_PROFILES_INCLUDE",
            "SPRING_APPLICATION_JSON",
            "SLACK_SIGNING_SECRET",
            "SLACK_BOT_TOKEN",
            "TEAMS_SECURITY_TOKEN",
            "INTAKE_IDEMPOTENCY_SECRET",
            "WEBHOOK_SECRET",
            "RECIPIENT_REF_KEY",
            "ANONYMITY_ACTIVE_KEY_ID",
            "ANONYMITY_KEYS",
            "OIDC_ISSUER_URI",
            "OIDC_CLIENT_SECRET",
            "METRICS_SCRAPE_TOKEN",
            "MAIL_FROM",
            "SMTP_HOST",
            "SMTP_PORT",
            "JAVA_TOOL_OPTIONS");

    @TempDir
    Path temp;

    @ParameterizedTest
    @CsvSource({
        "suggestion-intake, 'OIDC_ISSUER_URI,SUGGESTIONBOX_DIRECTORY_LOCATION,SUGGESTIONBOX_LINKS_INTAKE,SUGGESTIONBOX_LINKS_ROUTER,SUGGESTIONBOX_LINKS_NOTIFIER,OIDC_CLIENT_SECRET,SLACK_SIGNING_SECRET,SLACK_BOT_TOKEN,TEAMS_SECURITY_TOKEN,INTAKE_IDEMPOTENCY_SECRET,ANONYMITY_ACTIVE_KEY_ID,ANONYMITY_KEYS'",
        "suggestion-router, 'OIDC_ISSUER_URI,SUGGESTIONBOX_DIRECTORY_LOCATION,SUGGESTIONBOX_LINKS_INTAKE,SUGGESTIONBOX_LINKS_ROUTER,SUGGESTIONBOX_LINKS_NOTIFIER,SUGGESTIONBOX_ROUTER_TRIAGEOWNER,OIDC_CLIENT_SECRET'",
        "feedback-notifier, 'OIDC_ISSUER_URI,SUGGESTIONBOX_DIRECTORY_LOCATION,SUGGESTIONBOX_LINKS_INTAKE,SUGGESTIONBOX_LINKS_ROUTER,SUGGESTIONBOX_LINKS_NOTIFIER,MAIL_FROM,SMTP_HOST,OIDC_CLIENT_SECRET,RECIPIENT_REF_KEY,ANONYMITY_ACTIVE_KEY_ID,ANONYMITY_KEYS'"
    })
    void aServiceWithoutLocalAndWithoutSecretsExitsNamingEveryMissingVariable(String module, String contract)
            throws Exception {
        List<String> declared = declaredSecrets(module);
        assertThat(declared).as("secrets %s declares", module).containsAll(List.of(contract.split(",")));
        Path jar = LocalStack.builder().projectDir(PROJECT_DIR).build().executableJar(module);
        Path output = this.temp.resolve(module + ".log");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString());
        CLEARED.forEach(builder.environment()::remove);
        builder.environment().keySet().removeIf(name -> name.startsWith("SUGGESTIONBOX_"));
        // were it to start after all, it would find nothing on these loopback ports
        builder.environment().put("SERVER_PORT", Integer.toString(FreePorts.next()));
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + FreePorts.next());
        builder.environment().put("MONGODB_URI", "mongodb://127.0.0.1:" + FreePorts.next());
        builder.environment().put("SPRING_OUTPUT_ANSI_ENABLED", "never");
        builder.redirectErrorStream(true).redirectOutput(output.toFile());

        long started = System.nanoTime();
        Process process = builder.start();
        boolean exited = process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        System.out.printf(
                "[system-tests] %s without secrets exited in %d ms%n",
                module, (System.nanoTime() - started) / 1_000_000);

        assertThat(exited)
                .as("%s exited within %s; its output:%n%s", module, LIMIT, log)
                .isTrue();
        assertThat(process.exitValue()).as("exit status of %s", module).isNotZero();
        assertThat(log)
                .contains("APPLICATION FAILED TO START")
                .contains("'local' profile")
                .contains("SPRING_PROFILES_ACTIVE=local");
        for (String variable : declared) {
            assertThat(log).as("%s names %s", module, variable).contains(variable + " (");
        }
        assertThat(log).doesNotContain("Started ", "Tomcat started");
    }

    /** The environment variables of {@code suggestionbox.secrets.required} and {@code key-rings} in application.yml. */
    private static List<String> declaredSecrets(String module) throws IOException {
        String yml = Files.readString(
                PROJECT_DIR.resolve(module).resolve("src/main/resources/application.yml"), StandardCharsets.UTF_8);
        Map<?, ?> root = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(yml);
        Map<?, ?> secrets = (Map<?, ?>) ((Map<?, ?>) root.get("suggestionbox")).get("secrets");
        List<String> variables = new ArrayList<>();
        for (String kind : List.of("required", "key-rings")) {
            if (secrets.get(kind) instanceof Map<?, ?> map) {
                map.keySet().forEach(variable -> variables.add(String.valueOf(variable)));
            }
        }
        return variables;
    }
}
