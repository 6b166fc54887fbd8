package org.suggestionbox.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.suggestionbox.events.CloudEventHeaders;
import org.suggestionbox.events.Topics;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.storage.IdeaStore;
import org.suggestionbox.router.support.RouterHttp;
import org.suggestionbox.router.support.RouterIntegrationTest;
import org.suggestionbox.router.support.TestIdeas;
import org.suggestionbox.testing.KafkaProbe;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An outbox that cannot be poisoned (issue 12): an event that can never be published leaves the outbox
 * as a dead letter that administrators see and that counts as unanswered, while other ideas' events
 * keep flowing; the sweep reads the oldest waiting events first.
 */
@RouterIntegrationTest
class OutboxDeadLetterIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    IdeaStore store;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JsonMapper json;

    private RouterHttp http;

    @BeforeEach
    void setUp() {
        http = new RouterHttp(port);
    }

    @Test
    void anEventTooLargeForKafkaBecomesADeadLetterWhileOtherEventsKeepFlowing() {
        // given an idea whose IdeaAssigned is larger than the producer's max.request.size (1 MB), left
        // in its outbox, and an ordinary idea waiting behind it
        Instant before = Instant.now().minus(Duration.ofMinutes(5));
        double deadBefore = deadLetters();
        UUID hugeId = storeAssigned("H".repeat(1_100_000), before);
        UUID eventId = mongo.findById(hugeId, Document.class, IdeaStore.COLLECTION)
                .getList("outbox", Document.class)
                .getFirst()
                .get("eventId", UUID.class);
        UUID ordinaryId = storeAssigned("An ordinary idea", before.plusSeconds(1));

        // then the ordinary one is published
        List<ConsumerRecord<String, byte[]>> records = KafkaProbe.awaitRecords(
                Topics.IDEAS_LIFECYCLE, 1, WAIT, record -> ordinaryId.toString().equals(record.key()));
        assertThat(records)
                .singleElement()
                .satisfies(record -> assertThat(KafkaProbe.header(record, CloudEventHeaders.TYPE))
                        .isEqualTo("org.suggestionbox.IdeaAssigned.v1"));

        // and the huge one left the outbox for a dead letter, counted by the metric
        await().atMost(WAIT).untilAsserted(() -> {
            Document stored = mongo.findById(hugeId, Document.class, IdeaStore.COLLECTION);
            assertThat(stored.getList("outbox", Document.class)).isEmpty();
            assertThat(deadLetters()).isGreaterThanOrEqualTo(deadBefore + 1);
        });
        Document dead = mongo.findById(eventId, Document.class, "outbox_dead_letters");
        assertThat(dead).isNotNull();
        assertThat(dead.get("ideaId", UUID.class)).isEqualTo(hugeId);
        assertThat(dead.getString("eventType")).isEqualTo("IdeaAssigned");
        assertThat(dead.getString("reason")).isEqualTo("TOO_LARGE");
        assertThat(dead.getString("cause")).contains("RecordTooLargeException");
        assertThat(dead.getDate("deadAt")).isNotNull();

        // administrators see it in the API and on the page; nobody else does
        HttpResponse<String> api = http.get("admin", "/api/admin/outbox/dead-letters");
        assertThat(api.statusCode()).isEqualTo(200);
        JsonNode listed = find(json.readTree(api.body()), eventId);
        assertThat(listed).isNotNull();
        assertThat(listed.get("ideaId").asString()).isEqualTo(hugeId.toString());
        assertThat(listed.get("reason").asString()).isEqualTo("TOO_LARGE");
        assertThat(http.get("maya", "/api/admin/outbox/dead-letters").statusCode())
                .isEqualTo(403);
        HttpResponse<String> page = http.browser("admin").get("/admin/outbox?lang=he");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"dead-letters\"")
                .contains(eventId.toString())
                .contains("גדול מדי לשליחה");

        // the idea counts as unanswered on the dashboard until an administrator resolves it
        long unsent = json.readTree(http.get("admin", "/api/dashboard").body())
                .get("answers")
                .get("unsent")
                .asLong();
        assertThat(unsent).isGreaterThanOrEqualTo(1);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                http.get("admin", "/actuator/prometheus").body())
                        .containsPattern("router_outbox_dead_letters_total\\{[^}]*reason=\"TOO_LARGE\"")
                        .contains("router_outbox_dead_letters_open"));

        HttpResponse<String> resolved =
                http.postJson("admin", "/api/admin/outbox/dead-letters/" + eventId + "/resolve", "{}");
        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(json.readTree(resolved.body()).get("resolvedBy").asString()).isEqualTo("admin");
        assertThat(json.readTree(http.get("admin", "/api/dashboard").body())
                        .get("answers")
                        .get("unsent")
                        .asLong())
                .isEqualTo(unsent - 1);

        // a megabyte of title would only slow the other tests' pages down
        mongo.remove(Query.query(Criteria.where("_id").is(hugeId)), IdeaStore.COLLECTION);
    }

    @Test
    void theSweepReadsTheOldestWaitingEventsFirstAndOnlyThoseDue() {
        // events far in the future, so the running sweep leaves them alone; stored newest in the middle
        Instant far = Instant.now().plus(Duration.ofDays(3650));
        UUID first = storeAssigned("Oldest waiting", far.plus(Duration.ofHours(1)));
        UUID third = storeAssigned("Newest waiting", far.plus(Duration.ofHours(3)));
        UUID second = storeAssigned("Middle waiting", far.plus(Duration.ofHours(2)));
        try {
            List<UUID> order = store.findWithPendingOutbox(far.plus(Duration.ofDays(1)), 10_000).stream()
                    .map(idea -> idea.id().value())
                    .filter(id -> id.equals(first) || id.equals(second) || id.equals(third))
                    .toList();

            assertThat(order).containsExactly(first, second, third);
            // an outbox whose events have not waited as long as asked is not read at all
            assertThat(store.findWithPendingOutbox(far.plus(Duration.ofMinutes(150)), 10_000).stream()
                            .map(idea -> idea.id().value())
                            .filter(id -> id.equals(first) || id.equals(second) || id.equals(third)))
                    .containsExactly(first, second);
        } finally {
            mongo.remove(Query.query(Criteria.where("_id").in(first, second, third)), IdeaStore.COLLECTION);
        }
    }

    private UUID storeAssigned(String title, Instant at) {
        UUID ideaId = UUID.randomUUID();
        Idea idea = TestIdeas.assignedToJan(ideaId, title, at);
        store.insert(idea);
        return ideaId;
    }

    private double deadLetters() {
        Counter counter = meters.find("router.outbox.dead.letters")
                .tag("reason", "TOO_LARGE")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static JsonNode find(JsonNode list, UUID eventId) {
        for (JsonNode node : list) {
            if (eventId.toString().equals(node.get("eventId").asString())) {
                return node;
            }
        }
        return null;
    }
}
