package org.suggestionbox.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

class LocalStackCommandTests {

    @Test
    void defaultsToTheLocalStackFolderAndDemoData() {
        StackSettings settings =
                LocalStackCommand.parse(new String[0], Map.of()).settings();

        assertThat(settings.dataDir()).isEqualTo(Path.of(".local-stack").toAbsolutePath());
        assertThat(settings.demoData()).isTrue();
        assertThat(settings.ports()).isEqualTo(Ports.defaults());
        assertThat(settings.services()).isEqualTo(LocalStack.SERVICES);
    }

    @Test
    void takesTheDataDirInBothSpellings() {
        assertThat(LocalStackCommand.parse(new String[] {"--data-dir", "/tmp/a"}, Map.of())
                        .settings()
                        .dataDir())
                .isEqualTo(Path.of("/tmp/a"));
        assertThat(LocalStackCommand.parse(new String[] {"--data-dir=/tmp/b", "--no-demo-data"}, Map.of())
                        .settings())
                .satisfies(settings -> {
                    assertThat(settings.dataDir()).isEqualTo(Path.of("/tmp/b"));
                    assertThat(settings.demoData()).isFalse();
                });
    }

    @Test
    void anUnknownOptionIsRefusedByName() {
        assertThatExceptionOfType(ParameterException.class)
                .isThrownBy(() -> LocalStackCommand.parse(new String[] {"--port", "9"}, Map.of()))
                .withMessageContaining("Unknown options: '--port'");
    }

    @Test
    void aMissingOrBlankDirectoryIsRefused() {
        assertThatExceptionOfType(ParameterException.class)
                .isThrownBy(() -> LocalStackCommand.parse(new String[] {"--data-dir"}, Map.of()))
                .withMessageContaining("--data-dir");
        assertThatExceptionOfType(ParameterException.class)
                .isThrownBy(() -> LocalStackCommand.parse(new String[] {"--data-dir="}, Map.of()))
                .withMessage("--data-dir needs a directory");
    }

    @Test
    void helpListsTheOptionsAndStartsNothing() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = LocalStackCommand.commandLine(Map.of()).setOut(new PrintWriter(out));

        int status = commandLine.execute("--help");

        assertThat(status).isZero();
        assertThat(out.toString())
                .contains(
                        "Usage: local-stack.sh",
                        "--data-dir=DIR",
                        "default: .local-stack",
                        "--no-demo-data",
                        "--help",
                        "KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void aMistypedOptionEndsWithStatusTwoAndTheNearestOptionsOnStandardError() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = LocalStackCommand.commandLine(Map.of()).setErr(new PrintWriter(err));

        int status = commandLine.execute("--no-demo");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--no-demo'", "Possible solutions: --no-demo-data");
    }

    @Test
    void externalInfrastructureFromTheEnvironmentReachesTheServices() {
        StackSettings settings = LocalStackCommand.parse(
                        new String[0],
                        Map.of(
                                "KAFKA_BOOTSTRAP_SERVERS",
                                "broker:29092",
                                "MONGODB_URI",
                                "mongodb://db:27017/?replicaSet=rs0",
                                "SMTP_HOST",
                                "mailpit",
                                "SMTP_PORT",
                                "1025"))
                .settings();

        Map<String, String> environment =
                new ServiceLaunch(settings).serviceEnvironment("feedback-notifier", LocalSecretsTests.sample());

        assertThat(environment)
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "broker:29092")
                .containsEntry("MONGODB_URI", "mongodb://db:27017/?replicaSet=rs0")
                .containsEntry("SMTP_HOST", "mailpit")
                .containsEntry("SMTP_PORT", "1025");
        assertThat(settings.ownKafka()).isFalse();
        assertThat(settings.ownMongo()).isFalse();
        assertThat(settings.ownSmtp()).isFalse();
    }
}
