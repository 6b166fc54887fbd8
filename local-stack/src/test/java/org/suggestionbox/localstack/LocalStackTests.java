package org.suggestionbox.localstack;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocalStackTests {

    @TempDir
    Path dataDir;

    @Test
    void killingOrRestartingAServiceTheStackDoesNotRunIsRefused() {
        LocalStack stack = LocalStack.builder().dataDir(this.dataDir).ports(Ports.random()).build();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> stack.kill("suggestion-router")).withMessageContaining("runs no suggestion-router");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> stack.restart("feedback-notifier"));
    }

    @Test
    void randomPortsAreDistinct() {
        Ports ports = Ports.random();

        assertThat(java.util.Set.of(ports.kafka(), ports.kafkaController(), ports.mongo(), ports.smtp(), ports.mailViewer(),
                ports.intake(), ports.router(), ports.notifier())).hasSize(8);
    }
}
