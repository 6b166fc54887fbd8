package org.suggestionbox.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MongoDB-wire server run as its own process, as the benchmark runs it: a JVM apart from this one, and
 * stopped and started again like the fault-injection suite's outage, it serves what it acknowledged before.
 */
class StandInProcessIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void aMongoStandInRunsInItsOwnJvmAndKeepsAcknowledgedWritesAcrossAStop() {
        int port = FreePorts.next();
        String uri = "mongodb://127.0.0.1:" + port;
        StandInProcess mongo = new StandInProcess(
                "mongo",
                port,
                uri,
                256,
                System.getProperty("java.class.path"),
                List.of("mongo", this.dataDir.resolve("mongo.mv").toString(), Integer.toString(port), "16"),
                this.dataDir.resolve("logs/mongo.log"));
        try {
            mongo.start();
            assertThat(mongo.isRunning()).isTrue();
            assertThat(mongo.pid())
                    .isPositive()
                    .isNotEqualTo(ProcessHandle.current().pid());
            // a full serial collection of the in-memory copy would pause every caller
            assertThat(ProcessHandle.of(mongo.pid())
                            .flatMap(handle -> handle.info().commandLine()))
                    .hasValueSatisfying(
                            line -> assertThat(line).contains("-XX:+UseG1GC").doesNotContain("Serial"));
            try (MongoClient client = MongoClients.create(uri)) {
                client.getDatabase("test").getCollection("ideas").insertOne(new Document("_id", "idea-1"));
            }

            mongo.close();
            assertThat(mongo.isRunning()).isFalse();
            assertThat(FreePorts.inUse(port)).isFalse();
            mongo.start();

            try (MongoClient client = MongoClients.create(uri)) {
                assertThat(client.getDatabase("test")
                                .getCollection("ideas")
                                .find(Filters.eq("_id", "idea-1"))
                                .first())
                        .isNotNull();
            }
        } finally {
            mongo.close();
        }
    }

    @Test
    void standInsRefuseArgumentsTheyDoNotKnow() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StandIns.start(List.of("postgres", "5432")))
                .withMessageContaining("Usage");
    }
}
