package org.suggestionbox.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
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
        assertThat(records).singleElement()
                .satisfies(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("hello"));
        assertThat(infrastructure.mode()).isNotNull();
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
        }
        finally {
            if (previous == null) {
                System.clearProperty(Infrastructure.MODE_PROPERTY);
            }
            else {
                System.setProperty(Infrastructure.MODE_PROPERTY, previous);
            }
        }
    }
}
