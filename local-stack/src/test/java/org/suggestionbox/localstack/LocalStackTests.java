package org.suggestionbox.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTests {

    @TempDir
    Path dataDir;

    @Test
    void killingOrRestartingAServiceTheStackDoesNotRunIsRefused() {
        LocalStack stack =
                LocalStack.builder().dataDir(this.dataDir).ports(Ports.random()).build();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> stack.kill("suggestion-router"))
                .withMessageContaining("runs no suggestion-router");
        assertThatIllegalArgumentException().isThrownBy(() -> stack.restart("feedback-notifier"));
    }

    @Test
    void anOutageOfInfrastructureTheStackDoesNotRunIsRefused() {
        LocalStack stack = LocalStack.builder()
                .dataDir(this.dataDir)
                .ports(Ports.random())
                .environment(Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:29092"))
                .build();

        assertThatIllegalStateException()
                .isThrownBy(stack::stopKafka)
                .withMessage("This stack runs no Kafka broker of its own, or it is stopped");
        assertThatIllegalStateException()
                .isThrownBy(stack::startKafka)
                .withMessage("This stack runs no Kafka broker of its own");
        assertThatIllegalStateException()
                .isThrownBy(stack::stopMongo)
                .withMessageContaining("runs no MongoDB-wire server of its own");
        assertThat(stack.kafkaBootstrapServers()).isEqualTo("broker:29092");
    }

    @Test
    void aStackOwnsItsMongoWireServerUnlessMongodbUriNamesAnother() {
        LocalStack own =
                LocalStack.builder().dataDir(this.dataDir).ports(Ports.random()).build();
        LocalStack external = LocalStack.builder()
                .dataDir(this.dataDir)
                .ports(Ports.random())
                .environment(Map.of("MONGODB_URI", "mongodb://mongo:27017"))
                .build();

        assertThat(own.ownsMongo()).isTrue();
        assertThat(external.ownsMongo()).isFalse();
        assertThat(external.mongoUri()).isEqualTo("mongodb://mongo:27017");
    }

    @Test
    void randomPortsAreDistinct() {
        Ports ports = Ports.random();

        assertThat(ports.all()).doesNotHaveDuplicates().hasSize(9);
    }
}
