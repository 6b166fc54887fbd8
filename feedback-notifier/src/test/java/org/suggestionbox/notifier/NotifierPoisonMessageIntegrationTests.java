package org.suggestionbox.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.web.client.RestClient;
import org.suggestionbox.events.DecisionOutcome;
import org.suggestionbox.events.DeclineReason;
import org.suggestionbox.events.IdeaDecided;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.events.Topics;
import org.suggestionbox.platform.web.CursorPage;
import org.suggestionbox.testing.Infrastructure;
import org.suggestionbox.testing.KafkaProbe;
import tools.jackson.databind.json.JsonMapper;

/** Records the listener can never read go to the dead-letter topic as they were; the partition keeps flowing. */
class NotifierPoisonMessageIntegrationTests extends NotifierSpringIntegrationTest {
    static final String DLT = Topics.deadLetterOf(Topics.IDEAS_LIFECYCLE);

    @Autowired
    JsonMapper jsonMapper;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void aRecordThatIsNotJsonIsDeadLetteredAndTheNextEventOfTheIdeaIsStillDelivered() {
        UUID ideaId = UUID.randomUUID();
        byte[] poison = "{this is not json".getBytes(StandardCharsets.UTF_8);

        KafkaProbe.send(Topics.IDEAS_LIFECYCLE, ideaId.toString(), poison);
        sendValidDecisionFor(ideaId);

        assertDeadLettered(ideaId, poison);
        assertDeliveredToAlice(ideaId);
    }

    @Test
    void anEventOfAnUnknownTypeIsDeadLetteredAndTheNextEventOfTheIdeaIsStillDelivered() {
        UUID ideaId = UUID.randomUUID();
        byte[] poison = ("{\"type\":\"IdeaExploded\",\"eventId\":\"" + UUID.randomUUID() + "\",\"ideaId\":\"" + ideaId
                        + "\",\"schemaVersion\":1}")
                .getBytes(StandardCharsets.UTF_8);

        KafkaProbe.send(Topics.IDEAS_LIFECYCLE, ideaId.toString(), poison);
        sendValidDecisionFor(ideaId);

        assertDeadLettered(ideaId, poison);
        assertDeliveredToAlice(ideaId);
    }

    @Test
    void aPoisonRecordInTheMiddleOfABatchAloneIsDeadLetteredAndTheOthersAreDeliveredOnce(
            Infrastructure infrastructure) {
        UUID ideaId = UUID.randomUUID();
        String title = "Batched " + UUID.randomUUID().toString().substring(0, 8);
        byte[] poison = "{this is not json either".getBytes(StandardCharsets.UTF_8);
        MessageListenerContainer listener = listeners.getListenerContainer("notifier-lifecycle");
        assertThat(listener).isNotNull();

        // while the listener is paused the three records wait on one partition, so that one poll takes them all
        listener.pause();
        await().atMost(WAIT).until(listener::isContainerPaused);
        try {
            sendValidDecisionFor(ideaId, title + " before");
            KafkaProbe.send(Topics.IDEAS_LIFECYCLE, ideaId.toString(), poison);
            sendValidDecisionFor(ideaId, title + " after");
        } finally {
            listener.resume();
        }

        assertDeadLettered(ideaId, poison);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(inboxOfAlice(ideaId))
                        .extracting(entry -> (String) entry.get("title"))
                        .containsExactlyInAnyOrder(
                                "Your idea “" + title + " before” was declined",
                                "Your idea “" + title + " after” was declined"));
        assertThat(Mailbox.mailsTo(infrastructure.greenMail(), "alice@suggestionbox.example", title + " before"))
                .hasSize(1);
        await().atMost(WAIT)
                .until(() ->
                        Mailbox.mailsTo(infrastructure.greenMail(), "alice@suggestionbox.example", title + " after")
                                        .size()
                                == 1);
        // alice hears on the inbox, by e-mail and on Slack: one proof per event and channel, none twice
        List<ConsumerRecord<String, byte[]>> proofs = KafkaProbe.awaitRecords(
                Topics.NOTIFICATIONS_DELIVERED,
                6,
                WAIT,
                record -> ideaId.toString().equals(record.key()));
        assertThat(proofs)
                .extracting(record -> KafkaProbe.header(record, "ce_id"))
                .hasSize(6)
                .doesNotHaveDuplicates();
    }

    private void sendValidDecisionFor(UUID ideaId) {
        sendValidDecisionFor(ideaId, "After the poison");
    }

    private void sendValidDecisionFor(UUID ideaId, String title) {
        IdeaDecided decided = new IdeaDecided(
                UUID.randomUUID(),
                ideaId,
                java.time.Instant.now(),
                1,
                title,
                List.of(Submitter.person("alice")),
                "maya",
                "Maya Rosen",
                DecisionOutcome.DECLINE,
                DeclineReason.OUT_OF_SCOPE,
                "Not ours to change.",
                null,
                null);
        KafkaProbe.send(Topics.IDEAS_LIFECYCLE, ideaId.toString(), jsonMapper.writeValueAsBytes(decided));
    }

    private static void assertDeadLettered(UUID ideaId, byte[] poison) {
        List<ConsumerRecord<String, byte[]>> deadLetters = KafkaProbe.awaitRecords(
                DLT, 1, WAIT, record -> ideaId.toString().equals(record.key()));
        assertThat(deadLetters).singleElement().satisfies(record -> {
            assertThat(record.value()).isEqualTo(poison);
            assertThat(KafkaProbe.header(record, KafkaHeaders.DLT_EXCEPTION_FQCN))
                    .isNotBlank();
            assertThat(KafkaProbe.header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                    .isNotBlank();
            assertThat(KafkaProbe.header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC))
                    .isEqualTo(Topics.IDEAS_LIFECYCLE);
        });
    }

    private List<Map<String, Object>> inboxOfAlice(UUID ideaId) {
        return client("alice")
                .get()
                .uri("/api/notifications?limit=200")
                .retrieve()
                .body(new ParameterizedTypeReference<CursorPage<Map<String, Object>>>() {})
                .items()
                .stream()
                .filter(entry -> ideaId.toString().equals(entry.get("ideaId")))
                .toList();
    }

    private void assertDeliveredToAlice(UUID ideaId) {
        RestClient alice = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth("alice", "demo"))
                .build();
        await().atMost(WAIT).untilAsserted(() -> {
            List<Map<String, Object>> inbox = alice.get()
                    .uri("/api/notifications?limit=200")
                    .retrieve()
                    .body(new ParameterizedTypeReference<CursorPage<Map<String, Object>>>() {})
                    .items();
            assertThat(inbox)
                    .filteredOn(entry -> ideaId.toString().equals(entry.get("ideaId")))
                    .singleElement()
                    .satisfies(entry -> assertThat((String) entry.get("body")).contains("Reason: Out of scope"));
        });
    }
}
