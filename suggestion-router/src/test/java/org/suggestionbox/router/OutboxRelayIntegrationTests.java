package org.suggestionbox.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.suggestionbox.events.CloudEventHeaders;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.events.Topics;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.idea.Owner;
import org.suggestionbox.router.idea.RoutedBecause;
import org.suggestionbox.router.storage.IdeaStore;
import org.suggestionbox.router.support.RouterIntegrationTest;
import org.suggestionbox.router.support.TestEvents;
import org.suggestionbox.testing.KafkaProbe;

/** Crash recovery: an event left in an idea's outbox is relayed by the sweep and then cleared. */
@RouterIntegrationTest
class OutboxRelayIntegrationTests {

    @Autowired
    IdeaStore store;

    @Autowired
    MongoTemplate mongo;

    @Test
    void anEventLeftInTheOutboxIsRelayedByTheSweepAndRemoved() {
        // given an idea stored with its IdeaAssigned, as if the router stopped before relaying it
        UUID ideaId = UUID.randomUUID();
        Instant before = Instant.now().minus(Duration.ofMinutes(5));
        Idea idea = Idea.submit(TestEvents.submitted(ideaId, "operations", Submitter.person("piotr"), "Left behind"));
        idea.assign(
                new Owner("jan", "Jan Kowalski"),
                "ops-owner",
                RoutedBecause.toOwner(
                        "ops-owner",
                        List.of(new RoutedBecause.Match(RoutedBecause.Criterion.CATEGORY, "operations")),
                        "Jan Kowalski"),
                before.plus(Duration.ofDays(14)),
                Clock.fixed(before, ZoneOffset.UTC));
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
