package org.suggestionbox.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.suggestionbox.events.Topics;
import org.suggestionbox.testing.Infrastructure;
import org.suggestionbox.testing.KafkaProbe;

/**
 * What the intake published, read up to a sentinel instead of for a fixed time. After the action
 * under test, the probe writes one sentinel record to every partition of the topic and reads each
 * partition from its beginning up to that sentinel. The intake answers only once the broker
 * acknowledged its record ({@code acks=all}), so every record it published before the answer lies
 * before the sentinel of its partition: once every sentinel has been read, "nothing matching" means
 * nothing was published, and "one matching" means exactly one, without waiting to see whether more
 * arrive.
 */
final class Published {

    private static final int PARTITIONS_IF_MISSING = 3;

    private Published() {}

    /** Asserts that no record on {@value Topics#IDEAS_SUBMITTED} contains {@code marker}. */
    static void assertNoIdeaContaining(String marker) {
        assertThat(upToSentinel(Topics.IDEAS_SUBMITTED, containing(marker)))
                .as("records on %s containing %s", Topics.IDEAS_SUBMITTED, marker)
                .isEmpty();
    }

    /** The records on {@value Topics#IDEAS_SUBMITTED} keyed by the idea id {@code ideaId}. */
    static List<ConsumerRecord<String, byte[]>> ideasKeyed(String ideaId) {
        return upToSentinel(Topics.IDEAS_SUBMITTED, record -> ideaId.equals(record.key()));
    }

    /** The one record on {@value Topics#IDEAS_SUBMITTED} keyed by {@code ideaId}; fails on none or more than one. */
    static ConsumerRecord<String, byte[]> onlyIdea(String ideaId) {
        List<ConsumerRecord<String, byte[]>> records = ideasKeyed(ideaId);
        assertThat(records)
                .as("records on %s keyed %s", Topics.IDEAS_SUBMITTED, ideaId)
                .hasSize(1);
        return records.getFirst();
    }

    /** The records on {@value Topics#IDEAS_SUBMITTED} whose value contains {@code marker}. */
    static List<ConsumerRecord<String, byte[]>> ideasContaining(String marker) {
        return upToSentinel(Topics.IDEAS_SUBMITTED, containing(marker));
    }

    static Predicate<ConsumerRecord<String, byte[]>> containing(String marker) {
        return record -> record.value() != null && new String(record.value(), StandardCharsets.UTF_8).contains(marker);
    }

    /**
     * Writes a sentinel to every partition of {@code topic}, then reads all partitions from the
     * beginning up to their sentinels and returns the records before them that match {@code filter}.
     */
    static List<ConsumerRecord<String, byte[]>> upToSentinel(
            String topic, Predicate<ConsumerRecord<String, byte[]>> filter) {
        ensureTopic(Infrastructure.get().kafkaBootstrapServers(), topic);
        return KafkaProbe.recordsBeforeSentinel(topic, filter);
    }

    private static void ensureTopic(String bootstrap, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, PARTITIONS_IF_MISSING, (short) 1)))
                        .all()
                        .get();
            }
        } catch (ExecutionException ex) {
            if (!(ex.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not make sure " + topic + " exists", ex);
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
