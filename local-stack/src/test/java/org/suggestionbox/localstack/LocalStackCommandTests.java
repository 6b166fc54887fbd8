package org.suggestionbox.localstack;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocalStackCommandTests {

    @Test
    void defaultsToTheLocalStackFolderAndDemoData() {
        LocalStack.Builder builder = LocalStackCommand.parse(new String[0], Map.of());

        assertThat(builder).isNotNull();
        assertThat(builder.dataDir()).isEqualTo(Path.of(".local-stack"));
        assertThat(builder.demoData()).isTrue();
    }

    @Test
    void takesTheDataDirInBothSpellings() {
        assertThat(LocalStackCommand.parse(new String[] { "--data-dir", "/tmp/a" }, Map.of()).dataDir())
                .isEqualTo(Path.of("/tmp/a"));
        assertThat(LocalStackCommand.parse(new String[] { "--data-dir=/tmp/b", "--no-demo-data" }, Map.of()))
                .satisfies(builder -> {
                    assertThat(builder.dataDir()).isEqualTo(Path.of("/tmp/b"));
                    assertThat(builder.demoData()).isFalse();
                });
    }

    @Test
    void rejectsUnknownArgumentsAndAMissingDirectory() {
        assertThatIllegalArgumentException().isThrownBy(() -> LocalStackCommand.parse(new String[] { "--port" }, Map.of()))
                .withMessageContaining("--port");
        assertThatIllegalArgumentException().isThrownBy(() -> LocalStackCommand.parse(new String[] { "--data-dir" }, Map.of()));
    }

    @Test
    void helpAsksForNoStack() {
        assertThat(LocalStackCommand.parse(new String[] { "--help" }, Map.of())).isNull();
    }

    @Test
    void externalInfrastructureFromTheEnvironmentReachesTheServices() {
        LocalStack stack = LocalStackCommand.parse(new String[0], Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:29092",
                "MONGODB_URI", "mongodb://db:27017/?replicaSet=rs0", "SMTP_HOST", "mailpit", "SMTP_PORT", "1025")).build();

        Map<String, String> environment = stack.serviceEnvironment("feedback-notifier",
                LocalSecretsTests.sample());

        assertThat(environment).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "broker:29092")
                .containsEntry("MONGODB_URI", "mongodb://db:27017/?replicaSet=rs0")
                .containsEntry("SMTP_HOST", "mailpit")
                .containsEntry("SMTP_PORT", "1025");
    }
}
