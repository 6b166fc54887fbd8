package org.suggestionbox.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.suggestionbox.events.CloudEventHeaders;
import org.suggestionbox.events.Topics;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.idea.IdeaId;
import org.suggestionbox.router.idea.Owner;
import org.suggestionbox.router.outbox.OutboxRelay;
import org.suggestionbox.router.storage.IdeaStore;
import org.suggestionbox.router.support.RouterIntegrationTest;
import org.suggestionbox.router.support.TestIdeas;
import org.suggestionbox.testing.KafkaProbe;

/**
 * An idea's outbox emptied after its events were published: right after its save, and in crash recovery by the
 * sweep.
 */
@RouterIntegrationTest
class OutboxRelayIntegrationTests {

    @Autowired
    IdeaStore store;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @Test
    void theImmediateRelayPublishesTheEventsAndThenRemovesThem() {
        UUID ideaId = UUID.randomUUID();
        Idea idea = TestIdeas.assignedToJan(ideaId, "Relayed at once", Instant.now());
        store.insert(idea);
        UUID eventId = idea.outbox().getFirst().eventId();

        relay.relayAll(List.of(idea));

        List<ConsumerRecord<String, byte[]>> records = KafkaProbe.awaitRecords(
                Topics.IDEAS_LIFECYCLE,
                1,
                Duration.ofSeconds(30),
                record -> ideaId.toString().equals(record.key()));
        assertThat(records)
                .singleElement()
                .satisfies(record -> assertThat(KafkaProbe.header(record, CloudEventHeaders.ID))
                        .isEqualTo(eventId.toString()));
        // with the removals of the relays that follow within the removal delay
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Document stored = mongo.findById(ideaId, Document.class, IdeaStore.COLLECTION);
            assertThat(stored).isNotNull();
            assertThat(stored.getList("outbox", Document.class)).isEmpty();
            assertThat(stored).doesNotContainKey("outboxOldestAt");
        });
    }

    @Test
    void anEventASaveFromAnEarlierReadWritesBackIsRemovedNotSentAgain() {
        UUID ideaId = UUID.randomUUID();
        Idea idea = TestIdeas.assignedToJan(ideaId, "Read before its removal", Instant.now());
        store.insert(idea);
        Idea readBefore = store.find(new IdeaId(ideaId)).orElseThrow();
        relay.relayAll(List.of(idea));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Objects.requireNonNull(mongo.findById(ideaId, Document.class, IdeaStore.COLLECTION))
                        .getList("outbox", Document.class)
                        .isEmpty());

        // the removal does not change the version: a save based on the earlier read writes IdeaAssigned back
        readBefore.reassign(
                new Owner("maya", "Maya Cohen"),
                "Maya runs the service desk now",
                Instant.now().plus(Duration.ofDays(14)),
                "admin",
                Clock.systemUTC());
        store.save(readBefore);
        relay.relayAll(List.of(readBefore));

        // one partition per idea: a second IdeaAssigned would come before the reassignment
        List<ConsumerRecord<String, byte[]>> records = KafkaProbe.awaitRecords(
                Topics.IDEAS_LIFECYCLE,
                2,
                Duration.ofSeconds(30),
                record -> ideaId.toString().equals(record.key()));
        assertThat(records)
                .extracting(record -> KafkaProbe.header(record, CloudEventHeaders.TYPE))
                .containsExactly("org.suggestionbox.IdeaAssigned.v1", "org.suggestionbox.IdeaReassigned.v1");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Objects.requireNonNull(mongo.findById(ideaId, Document.class, IdeaStore.COLLECTION))
                        .getList("outbox", Document.class)
                        .isEmpty());
    }

    @Test
    void anEventLeftInTheOutboxIsRelayedByTheSweepAndRemoved() {
        // given an idea stored with its IdeaAssigned, as if the router stopped before relaying it
        UUID ideaId = UUID.randomUUID();
        Idea idea = TestIdeas.assignedToJan(ideaId, "Left behind", Instant.now().minus(Duration.ofMinutes(5)));
        store.insert(idea);
        UUID eventId = idea.outbox().getFirst().eventId();

        // then the sweep publishes it
        List<ConsumerRecord<String, byte[]>> records = KafkaProbe.awaitRecords(
                Topics.IDEAS_LIFECYCLE,
                1,
                Duration.ofSeconds(30),
                record -> ideaId.toString().equals(record.key()));
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(KafkaProbe.header(record, CloudEventHeaders.ID)).isEqualTo(eventId.toString());
            assertThat(KafkaProbe.header(record, CloudEventHeaders.TYPE))
                    .isEqualTo("org.suggestionbox.IdeaAssigned.v1");
        });

        // and removes exactly that entry, leaving the rest of the document as it was
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Document stored = mongo.findById(ideaId, Document.class, IdeaStore.COLLECTION);
            assertThat(stored).isNotNull();
            assertThat(stored.getList("outbox", Document.class)).isEmpty();
            assertThat(stored.getString("state")).isEqualTo("ASSIGNED");
            assertThat(stored.getString("ownerId")).isEqualTo("jan");
        });
    }
}
