package org.suggestionbox.localstack;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocalStackTests {

    @TempDir
    Path dataDir;

    @Test
    void servicesGetTheLocalInfrastructureTheirPortsAndLinksToEachOther() {
        Ports ports = new Ports(19092, 19093, 37017, 13025, 18025, 18081, 18082, 18083, 19000);
        LocalStack stack = LocalStack.builder().dataDir(this.dataDir).ports(ports).build();

        Map<String, String> environment = stack.serviceEnvironment("suggestion-router",
                new LocalSecrets("local-1", "a2V5", "cmVm"));

        assertThat(environment).containsEntry("SERVER_PORT", "18082")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092")
                .containsEntry("MONGODB_URI", "mongodb://127.0.0.1:37017")
                .containsEntry("SMTP_HOST", "127.0.0.1")
                .containsEntry("SMTP_PORT", "13025")
                .containsEntry("SUGGESTIONBOX_LINKS_INTAKE", "http://localhost:18081")
                .containsEntry("SUGGESTIONBOX_LINKS_ROUTER", "http://localhost:18082")
                .containsEntry("SUGGESTIONBOX_LINKS_NOTIFIER", "http://localhost:18083")
                .containsEntry("ANONYMITY_ACTIVE_KEY_ID", "local-1")
                .containsEntry("ANONYMITY_KEY_LOCAL_1", "a2V5");
    }

    @Test
    void extraServiceEnvironmentIsAddedAndWinsOverTheStacksOwn() {
        LocalStack stack = LocalStack.builder().dataDir(this.dataDir).ports(Ports.random())
                .serviceEnvironment(Map.of("SUGGESTIONBOX_INTAKE_RATELIMIT", "5000", "MAIL_FROM", "other@example.org"))
                .build();

        Map<String, String> environment = stack.serviceEnvironment("suggestion-intake",
                new LocalSecrets("local-1", "a2V5", "cmVm"));

        assertThat(environment).containsEntry("SUGGESTIONBOX_INTAKE_RATELIMIT", "5000")
                .containsEntry("MAIL_FROM", "other@example.org");
    }

    @Test
    void killingOrRestartingAServiceTheStackDoesNotRunIsRefused() {
        LocalStack stack = LocalStack.builder().dataDir(this.dataDir).ports(Ports.random()).build();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> stack.kill("suggestion-router")).withMessageContaining("runs no suggestion-router");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> stack.restart("feedback-notifier"));
    }

    @Test
    void keysAreGeneratedOncePerDataDirectory() {
        LocalSecrets first = LocalSecrets.loadOrCreate(this.dataDir.resolve("one"));
        LocalSecrets second = LocalSecrets.loadOrCreate(this.dataDir.resolve("one"));

        assertThat(second).isEqualTo(first);
        assertThat(java.util.Base64.getDecoder().decode(first.anonymityKey())).hasSize(32);
        assertThat(first.recipientRefKey()).isNotEqualTo(first.anonymityKey());
        assertThat(LocalSecrets.loadOrCreate(this.dataDir.resolve("other"))).isNotEqualTo(first);
    }

    @Test
    void randomPortsAreDistinct() {
        Ports ports = Ports.random();

        assertThat(java.util.Set.of(ports.kafka(), ports.kafkaController(), ports.mongo(), ports.smtp(), ports.mailViewer(),
                ports.intake(), ports.router(), ports.notifier())).hasSize(8);
    }
}
