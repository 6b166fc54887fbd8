package org.suggestionbox.router.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.suggestionbox.events.CloudEventHeaders;
import org.suggestionbox.events.IdeaSubmitted;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.events.Topics;
import org.suggestionbox.testing.KafkaProbe;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every router integration test does to set the scene, in one place: submit ideas through
 * Kafka, wait until the router shows them, read the lifecycle events it published, and show that
 * nothing more came by reading up to a sentinel event instead of waiting a fixed time.
 */
public final class RouterFixture {

    /** How long a test waits for something that must happen. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    public static final String ASSIGNED_TYPE = "org.suggestionbox.IdeaAssigned.v1";
    public static final String REASSIGNED_TYPE = "org.suggestionbox.IdeaReassigned.v1";

    private final RouterHttp http;
    private final TestEvents events;
    private final JsonMapper json;

    public RouterFixture(int port, JsonMapper json) {
        this.http = new RouterHttp(port);
        this.events = new TestEvents(json);
        this.json = json;
    }

    public RouterHttp http() {
        return http;
    }

    public TestEvents events() {
        return events;
    }

    /** Submits an idea by {@code submitter} in {@code category} through Kafka; returns its id. */
    public UUID submit(String category, String submitter, String title) {
        return submit(TestEvents.submitted(UUID.randomUUID(), category, Submitter.person(submitter), title));
    }

    /** Sends {@code submitted} to the router's topic, keyed by its idea id; returns the idea id. */
    public UUID submit(IdeaSubmitted submitted) {
        KafkaProbe.send(Topics.IDEAS_SUBMITTED, submitted.ideaId().toString(), events.bytes(submitted));
        return submitted.ideaId();
    }

    /** The idea as {@code reader} reads it from the API, once the router has it. */
    public JsonNode awaitIdea(String reader, UUID ideaId) {
        return await().atMost(WAIT)
                .until(
                        () -> {
                            HttpResponse<String> response = http.get(reader, "/api/ideas/" + ideaId);
                            return response.statusCode() == 200 ? json.readTree(response.body()) : null;
                        },
                        node -> node != null);
    }

    /** Up to {@code expected} lifecycle records of the idea of CloudEvents type {@code type}, read within {@code timeout}. */
    public static List<ConsumerRecord<String, byte[]>> lifecycle(
            UUID ideaId, String type, int expected, Duration timeout) {
        return KafkaProbe.awaitRecords(
                Topics.IDEAS_LIFECYCLE,
                expected,
                timeout,
                record -> ideaId.toString().equals(record.key())
                        && type.equals(KafkaProbe.header(record, CloudEventHeaders.TYPE)));
    }

    /**
     * The CloudEvents types of every lifecycle event of the idea published before a sentinel: {@code owner}
     * hands the idea on to {@code nextOwner}, and that {@code IdeaReassigned} is relayed after everything
     * the idea caused before, on the same partition. Once the sentinel is read nothing earlier can still
     * be on its way, so "nothing else came" needs no fixed wait.
     */
    public List<String> typesBeforeSentinel(UUID ideaId, String owner, String nextOwner) {
        String note = "sentinel " + UUID.randomUUID();
        HttpResponse<String> handedOn = http.postJson(
                owner,
                "/api/ideas/" + ideaId + "/reassign",
                "{\"ownerId\":\"" + nextOwner + "\",\"note\":\"" + note + "\"}");
        assertThat(handedOn.statusCode()).as(handedOn.body()).isEqualTo(200);
        List<String> before = new CopyOnWriteArrayList<>();
        AtomicBoolean sentinelSeen = new AtomicBoolean();
        List<ConsumerRecord<String, byte[]>> sentinel =
                KafkaProbe.awaitRecords(Topics.IDEAS_LIFECYCLE, 1, WAIT, record -> {
                    if (sentinelSeen.get() || !ideaId.toString().equals(record.key())) {
                        return false;
                    }
                    String type = KafkaProbe.header(record, CloudEventHeaders.TYPE);
                    if (REASSIGNED_TYPE.equals(type)
                            && note.equals(
                                    json.readTree(record.value()).path("note").asString())) {
                        sentinelSeen.set(true);
                        return true;
                    }
                    before.add(type);
                    return false;
                });
        assertThat(sentinel).as("the sentinel of idea %s", ideaId).hasSize(1);
        return before;
    }
}
