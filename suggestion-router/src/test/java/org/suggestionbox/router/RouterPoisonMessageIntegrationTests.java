package org.suggestionbox.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.suggestionbox.events.DeclineReason;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.events.Topics;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.idea.IdeaId;
import org.suggestionbox.router.storage.IdeaStore;
import org.suggestionbox.router.support.RouterIntegrationTest;
import org.suggestionbox.router.support.TestEvents;
import org.suggestionbox.testing.KafkaProbe;
import tools.jackson.databind.json.JsonMapper;

/** Unreadable records on each consumed topic go to its dead-letter topic; the partition keeps flowing. */
@RouterIntegrationTest
class RouterPoisonMessageIntegrationTests {

    private static final String DLT = Topics.deadLetterOf(Topics.IDEAS_SUBMITTED);
    private static final String NOTIFICATIONS_DLT = Topics.deadLetterOf(Topics.NOTIFICATIONS_DELIVERED);

    @Autowired
    JsonMapper json;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    IdeaStore store;

    @Test
    void poisonRecordsAreDeadLetteredAndTheNextIdeaOnThePartitionIsStillRouted() {
        // given
        UUID ideaId = UUID.randomUUID();
        String key = ideaId.toString();
        byte[] notJson = "{this is not json".getBytes(StandardCharsets.UTF_8);
        byte[] unknownType = ("{\"type\":\"IdeaTeleported\",\"eventId\":\"" + UUID.randomUUID() + "\",\"ideaId\":\""
                        + ideaId + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        // when
        KafkaProbe.send(Topics.IDEAS_SUBMITTED, key, notJson);
        KafkaProbe.send(Topics.IDEAS_SUBMITTED, key, unknownType);
        KafkaProbe.send(
                Topics.IDEAS_SUBMITTED,
                key,
                new TestEvents(json)
                        .bytes(TestEvents.submitted(
                                ideaId, "operations", Submitter.person("piotr"), "After the poison")));

        // then
        List<ConsumerRecord<String, byte[]>> dead =
                KafkaProbe.awaitRecords(DLT, 2, Duration.ofSeconds(30), record -> key.equals(record.key()));
        assertThat(dead).hasSize(2);
        assertThat(dead).extracting(ConsumerRecord::value).containsExactly(notJson, unknownType);
        assertThat(dead).allSatisfy(record -> {
            assertThat(KafkaProbe.header(record, "kafka_dlt-exception-fqcn")).isNotBlank();
            assertThat(KafkaProbe.header(record, "kafka_dlt-exception-message")).isNotBlank();
            assertThat(KafkaProbe.header(record, "kafka_dlt-original-topic")).isEqualTo(Topics.IDEAS_SUBMITTED);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            org.bson.Document idea = mongo.findById(ideaId, org.bson.Document.class, IdeaStore.COLLECTION);
            assertThat(idea).isNotNull();
            assertThat(idea.getString("ownerId")).isEqualTo("jan");
        });
    }

    @Test
    void inABatchOnlyThePoisonRecordsAreDeadLetteredAndEveryIdeaAroundThemIsRouted() {
        // given ideas on one partition (one key), sent back to back so the listener polls them together,
        // with an unreadable record and one without a title among them
        String key = UUID.randomUUID().toString();
        TestEvents events = new TestEvents(json);
        List<UUID> ideas = new ArrayList<>();
        List<byte[]> poison = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            if (i == 4) {
                byte[] notJson = ("{not json " + key).getBytes(StandardCharsets.UTF_8);
                poison.add(notJson);
                KafkaProbe.send(Topics.IDEAS_SUBMITTED, key, notJson);
            } else if (i == 8) {
                byte[] untitled = events.bytes(
                        TestEvents.submitted(UUID.randomUUID(), "operations", Submitter.person("piotr"), " "));
                poison.add(untitled);
                KafkaProbe.send(Topics.IDEAS_SUBMITTED, key, untitled);
            } else {
                UUID ideaId = UUID.randomUUID();
                ideas.add(ideaId);
                KafkaProbe.send(
                        Topics.IDEAS_SUBMITTED,
                        key,
                        events.bytes(TestEvents.submitted(
                                ideaId, "operations", Submitter.person("piotr"), "Batch neighbour " + i)));
            }
        }

        // then each poison record is dead-lettered once, alone, and every other idea is stored once
        List<ConsumerRecord<String, byte[]>> dead =
                KafkaProbe.awaitRecords(DLT, 2, Duration.ofSeconds(30), record -> key.equals(record.key()));
        assertThat(dead).extracting(ConsumerRecord::value).containsExactlyElementsOf(poison);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(ideas)
                        .allSatisfy(ideaId ->
                                assertThat(store.find(new IdeaId(ideaId))).isPresent()));
        assertThat(KafkaProbe.recordsBeforeSentinel(DLT, record -> key.equals(record.key())))
                .hasSize(2);
    }

    @Test
    void poisonDeliveryProofsAreDeadLetteredAndTheNextProofIsStillApplied() {
        // given a declined idea
        UUID ideaId = UUID.randomUUID();
        String key = ideaId.toString();
        TestEvents events = new TestEvents(json);
        KafkaProbe.send(
                Topics.IDEAS_SUBMITTED,
                key,
                events.bytes(
                        TestEvents.submitted(ideaId, "operations", Submitter.person("piotr"), "Poison neighbour")));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> store.find(new IdeaId(ideaId)).isPresent());
        Idea idea = store.find(new IdeaId(ideaId)).orElseThrow();
        idea.decline(DeclineReason.OUT_OF_SCOPE, "Not ours", "jan", Clock.systemUTC());
        store.save(idea);
        byte[] notJson = "\u0000\u0001 garbage".getBytes(StandardCharsets.UTF_8);

        // when
        KafkaProbe.send(Topics.NOTIFICATIONS_DELIVERED, key, notJson);
        KafkaProbe.send(
                Topics.NOTIFICATIONS_DELIVERED,
                key,
                events.bytes(TestEvents.deliveredToSubmitter(ideaId, UUID.randomUUID())));

        // then
        List<ConsumerRecord<String, byte[]>> dead = KafkaProbe.awaitRecords(
                NOTIFICATIONS_DLT, 1, Duration.ofSeconds(30), record -> key.equals(record.key()));
        assertThat(dead).singleElement().satisfies(record -> {
            assertThat(record.value()).isEqualTo(notJson);
            assertThat(KafkaProbe.header(record, "kafka_dlt-exception-fqcn")).isNotBlank();
        });
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                store.find(new IdeaId(ideaId)).orElseThrow().answered())
                        .isTrue());
    }
}
