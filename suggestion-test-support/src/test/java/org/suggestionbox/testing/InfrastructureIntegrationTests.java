package org.suggestionbox.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.bson.Document;
import org.junit.jupiter.api.Test;

@SuggestionBoxInfrastructure
class InfrastructureIntegrationTests {

    @Test
    void brokerAcceptsAndReturnsRecords(Infrastructure infrastructure) {
        String topic = "probe-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        KafkaProbe.send(topic, key, "hello".getBytes(StandardCharsets.UTF_8));

        var records = KafkaProbe.awaitRecords(topic, 1, Duration.ofSeconds(20), r -> key.equals(r.key()));
        assertThat(records)
                .singleElement()
                .satisfies(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8))
                        .isEqualTo("hello"));
        assertThat(infrastructure.mode()).isNotNull();
    }

    @Test
    void readingUpToTheSentinelFindsWhatWasWrittenBeforeAndEndsWithoutWaiting() {
        // given: one record on a topic with three partitions
        String topic = "sentinel-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(20, TimeUnit.SECONDS);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
        String written = UUID.randomUUID().toString();
        KafkaProbe.send(topic, written, "failed".getBytes(StandardCharsets.UTF_8));

        // when / then: the written record is found, one never written is not, and neither read takes long
        long started = System.nanoTime();
        assertThat(KafkaProbe.recordsBeforeSentinel(topic, r -> written.equals(r.key())))
                .hasSize(1);
        assertThat(KafkaProbe.recordsBeforeSentinel(topic, r -> "never-written".equals(r.key())))
                .isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void mongoWireServerStoresDocuments(Infrastructure infrastructure) {
        try (MongoClient client = MongoClients.create(infrastructure.mongoUri())) {
            var collection = client.getDatabase("probe").getCollection("things");
            String id = UUID.randomUUID().toString();
            collection.insertOne(new Document("_id", id).append("name", "idea"));

            assertThat(collection.find(new Document("_id", id)).first()).containsEntry("name", "idea");
        }
    }

    @Test
    void modeCanBeForcedAndUnknownModeIsRefused() {
        String previous = System.getProperty(Infrastructure.MODE_PROPERTY);
        try {
            System.setProperty(Infrastructure.MODE_PROPERTY, "in-process");
            assertThat(Infrastructure.chooseMode()).isEqualTo(Infrastructure.Mode.IN_PROCESS);
            System.setProperty(Infrastructure.MODE_PROPERTY, "containers");
            assertThat(Infrastructure.chooseMode()).isEqualTo(Infrastructure.Mode.CONTAINERS);
            System.setProperty(Infrastructure.MODE_PROPERTY, "bogus");
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(Infrastructure::chooseMode);
        } finally {
            if (previous == null) {
                System.clearProperty(Infrastructure.MODE_PROPERTY);
            } else {
                System.setProperty(Infrastructure.MODE_PROPERTY, previous);
            }
        }
    }
}
