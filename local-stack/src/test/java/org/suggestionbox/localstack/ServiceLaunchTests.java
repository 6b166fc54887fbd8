package org.suggestionbox.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceLaunchTests {

    @TempDir
    Path dataDir;

    @Test
    void servicesGetTheLocalInfrastructureTheirPortsAndLinksToEachOther() {
        Ports ports = new Ports(19092, 19093, 37017, 13025, 18025, 18081, 18082, 18083, 19000);
        ServiceLaunch launch = new ServiceLaunch(
                LocalStack.builder().dataDir(this.dataDir).ports(ports).settings());

        Map<String, String> environment = launch.serviceEnvironment("suggestion-router", LocalSecretsTests.sample());

        assertThat(environment)
                .containsEntry("SERVER_PORT", "18082")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092")
                .containsEntry("MONGODB_URI", "mongodb://127.0.0.1:37017")
                .containsEntry("SMTP_HOST", "127.0.0.1")
                .containsEntry("SMTP_PORT", "13025")
                .containsEntry("SUGGESTIONBOX_LINKS_INTAKE", "http://localhost:18081")
                .containsEntry("SUGGESTIONBOX_LINKS_ROUTER", "http://localhost:18082")
                .containsEntry("SUGGESTIONBOX_LINKS_NOTIFIER", "http://localhost:18083")
                .containsEntry("SPRING_PROFILES_ACTIVE", "local")
                .containsEntry("OIDC_ISSUER_URI", "http://localhost:19000")
                .containsEntry("OIDC_CLIENT_SECRET", "router-client")
                .doesNotContainKeys("ANONYMITY_KEYS", "SLACK_SIGNING_SECRET", "RECIPIENT_REF_KEY");
    }

    @Test
    void extraServiceEnvironmentIsAddedAndWinsOverTheStacksOwn() {
        ServiceLaunch launch = new ServiceLaunch(LocalStack.builder()
                .dataDir(this.dataDir)
                .ports(Ports.random())
                .serviceEnvironment(Map.of("SUGGESTIONBOX_INTAKE_RATELIMIT", "5000", "MAIL_FROM", "other@example.org"))
                .settings());

        Map<String, String> environment = launch.serviceEnvironment("suggestion-intake", LocalSecretsTests.sample());

        assertThat(environment)
                .containsEntry("SUGGESTIONBOX_INTAKE_RATELIMIT", "5000")
                .containsEntry("MAIL_FROM", "other@example.org");
    }

    @Test
    void aFurtherInstanceRunsTheSameJarOnItsOwnPortWithItsOwnLog(@TempDir Path projectDir) throws IOException {
        Path jar = executableJar(projectDir, "suggestion-router");
        ServiceLaunch launch = new ServiceLaunch(LocalStack.builder()
                .dataDir(this.dataDir)
                .projectDir(projectDir)
                .ports(Ports.random())
                .serviceJvmOptions(List.of("-Xmx64m", "-Dx=y"))
                .settings());

        ServiceProcess second = launch.instance("suggestion-router", 2, 18999, LocalSecretsTests.sample());

        assertThat(launch.command("suggestion-router")).endsWith("-Xmx64m", "-Dx=y", "-jar", jar.toString());
        assertThat(second.label()).isEqualTo("suggestion-router-2");
        assertThat(second.baseUrl()).isEqualTo("http://localhost:18999");
        assertThat(second.logFile()).isEqualTo(this.dataDir.toAbsolutePath().resolve("logs/suggestion-router-2.log"));
    }

    @Test
    void withAotCacheAServiceRunsFromItsExtractedJarAndItsCacheOnlyOnceEachIsNoOlderThanWhatItCameFrom(
            @TempDir Path projectDir) throws IOException {
        Path jar = executableJar(projectDir, "suggestion-router");
        ServiceLaunch launch = new ServiceLaunch(LocalStack.builder()
                .dataDir(this.dataDir)
                .projectDir(projectDir)
                .serviceJvmOptions(List.of("-Xmx64m"))
                .aotCache(true)
                .settings());
        Path extracted = jar.resolveSibling("suggestion-router-0.1.0-SNAPSHOT-exec")
                .resolve("suggestion-router-0.1.0-SNAPSHOT-exec.jar");
        Path cache = extracted.resolveSibling("suggestion-router-0.1.0-SNAPSHOT-exec.aot");
        assertThat(launch.extractedJar("suggestion-router")).isEqualTo(extracted);
        assertThat(launch.aotCache("suggestion-router")).isEqualTo(cache);
        assertThat(launch.extractCommand("suggestion-router", projectDir.resolve("out")))
                .containsExactly(
                        JavaCommand.current(),
                        "-Djarmode=tools",
                        "-jar",
                        jar.toString(),
                        "extract",
                        "--destination",
                        projectDir.resolve("out").toString());

        // not extracted yet, or extracted from an older build: the executable jar
        assertThat(launch.command("suggestion-router"))
                .containsExactly(JavaCommand.current(), "-Xmx64m", "-jar", jar.toString());
        Files.createDirectories(extracted.getParent());
        Files.writeString(extracted, "extracted");
        Files.writeString(cache, "trained");
        touchRelativeTo(extracted, jar, -60_000);
        assertThat(launch.command("suggestion-router"))
                .containsExactly(JavaCommand.current(), "-Xmx64m", "-jar", jar.toString());

        // extracted from this build, the cache older than that: the extracted jar, no cache
        touchRelativeTo(extracted, jar, 60_000);
        touchRelativeTo(cache, extracted, -60_000);
        assertThat(launch.command("suggestion-router"))
                .containsExactly(JavaCommand.current(), "-Xmx64m", "-jar", extracted.toString());

        // the cache trained on that form: both
        touchRelativeTo(cache, extracted, 60_000);
        assertThat(launch.command("suggestion-router"))
                .containsExactly(
                        JavaCommand.current(), "-Xmx64m", "-XX:AOTCache=" + cache, "-jar", extracted.toString());
        Path output = cache.resolveSibling("training.aot");
        assertThat(launch.trainingCommand("suggestion-router", output))
                .containsExactly(
                        JavaCommand.current(),
                        "-Xmx64m",
                        "-XX:AOTCacheOutput=" + output,
                        "-Dspring.context.exit=onRefresh",
                        "-jar",
                        extracted.toString());
    }

    @Test
    void withANicenessTheServicesRunUnderNiceButTheirTrainingDoesNot(@TempDir Path projectDir) throws IOException {
        Path jar = executableJar(projectDir, "suggestion-router");
        ServiceLaunch launch = new ServiceLaunch(LocalStack.builder()
                .dataDir(this.dataDir)
                .projectDir(projectDir)
                .serviceJvmOptions(List.of("-Xmx64m"))
                .serviceNiceness(10)
                .settings());

        assertThat(launch.command("suggestion-router"))
                .containsExactly("nice", "-n", "10", JavaCommand.current(), "-Xmx64m", "-jar", jar.toString());
        assertThat(launch.trainingCommand("suggestion-router", projectDir.resolve("training.aot")))
                .startsWith(JavaCommand.current());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalStack.builder().serviceNiceness(20).settings());
    }

    @Test
    void withoutAotCacheNeitherAnExtractedJarNorACacheIsUsed(@TempDir Path projectDir) throws IOException {
        Path jar = executableJar(projectDir, "suggestion-router");
        ServiceLaunch launch =
                new ServiceLaunch(LocalStack.builder().projectDir(projectDir).settings());
        Files.createDirectories(launch.extractedJar("suggestion-router").getParent());
        Files.writeString(launch.extractedJar("suggestion-router"), "extracted");
        Files.writeString(launch.aotCache("suggestion-router"), "trained");

        assertThat(launch.command("suggestion-router")).noneMatch(option -> option.startsWith("-XX:AOTCache"));
        assertThat(launch.command("suggestion-router")).endsWith("-jar", jar.toString());
    }

    @Test
    void aServiceThatWasNotBuiltIsNamedWithTheBuildCommand(@TempDir Path projectDir) {
        ServiceLaunch launch =
                new ServiceLaunch(LocalStack.builder().projectDir(projectDir).settings());

        assertThatIllegalStateException()
                .isThrownBy(() -> launch.executableJar("feedback-notifier"))
                .withMessageContaining("No executable jar of feedback-notifier")
                .withMessageContaining("./mvnw install");
    }

    /** Sets {@code file}'s time to {@code reference}'s plus {@code millis}. */
    private static void touchRelativeTo(Path file, Path reference, long millis) throws IOException {
        Files.setLastModifiedTime(
                file, FileTime.fromMillis(Files.getLastModifiedTime(reference).toMillis() + millis));
    }

    private static Path executableJar(Path projectDir, String module) throws IOException {
        Path target = Files.createDirectories(projectDir.resolve(module).resolve("target"));
        return Files.createFile(target.resolve(module + "-0.1.0-SNAPSHOT-exec.jar"))
                .toAbsolutePath()
                .normalize();
    }
}
