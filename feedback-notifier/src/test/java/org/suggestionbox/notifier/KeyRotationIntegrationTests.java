package org.suggestionbox.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;
import org.suggestionbox.events.IdeaDecided;
import org.suggestionbox.events.SealedIdentity;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.events.Topics;
import org.suggestionbox.platform.anonymity.AnonymityProperties;
import org.suggestionbox.platform.anonymity.IdentitySealer;
import org.suggestionbox.platform.anonymity.KeyRing;
import org.suggestionbox.platform.anonymity.SealedContact;
import org.suggestionbox.platform.web.CursorPage;
import org.suggestionbox.testing.KafkaProbe;
import tools.jackson.databind.json.JsonMapper;

/**
 * Anonymity keys rotate for real (issue #11): intake sealed anonymous submitters under rotation-1, then (after a
 * rotation) rotation-2, then rotation-3; the notifier, holding the ring of all three, answers every one of them.
 */
class KeyRotationIntegrationTests extends NotifierSpringIntegrationTest {

    @Autowired
    JsonMapper jsonMapper;

    @Test
    void ideasSealedUnderEachOfThreeRotatedKeysAreAllAnswered() throws Exception {
        // intake's ring at each stage: the active key moves 1 -> 2 -> 3, old keys stay
        Map<String, String> ring = new LinkedHashMap<>();
        Map<String, SealedIdentity> sealedBy = new LinkedHashMap<>();
        List<String> people = List.of("alice", "piotr", "noa");
        int stage = 0;
        for (Map.Entry<String, String> key : ROTATED_KEYS.entrySet()) {
            ring.put(key.getKey(), key.getValue());
            IdentitySealer intake = new IdentitySealer(
                    key.getKey(),
                    new AnonymityProperties(key.getKey(), Map.of(), KeyRing.format(ring)).ring(),
                    jsonMapper);
            String person = people.get(stage++);
            sealedBy.put(
                    person,
                    intake.seal(new SealedContact(person, person + "@suggestionbox.example", "en", null, null)));
        }
        assertThat(sealedBy.values())
                .extracting(SealedIdentity::keyId)
                .containsExactly("rotation-1", "rotation-2", ACTIVE_KEY_ID);

        Map<String, IdeaDecided> decided = new LinkedHashMap<>();
        for (Map.Entry<String, SealedIdentity> sealed : sealedBy.entrySet()) {
            IdeaDecided decision = decline(
                    "Sealed under " + sealed.getValue().keyId() + " " + shortId(),
                    Submitter.anonymous(sealed.getValue()));
            events.publish(Topics.IDEAS_LIFECYCLE, decision).get(20, TimeUnit.SECONDS);
            decided.put(sealed.getKey(), decision);
        }

        decided.forEach((person, decision) -> {
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(inboxTitles(person))
                            .as("%s's inbox", person)
                            .anySatisfy(title -> assertThat(title).contains(decision.title())));
            assertThat(KafkaProbe.awaitRecords(
                            Topics.NOTIFICATIONS_DELIVERED,
                            1,
                            WAIT,
                            record -> decision.ideaId().toString().equals(record.key())
                                    && new String(record.value(), java.nio.charset.StandardCharsets.UTF_8)
                                            .contains("\"type\":\"NotificationDelivered\"")))
                    .as(
                            "proof that %s, sealed under %s, was answered",
                            person, sealedBy.get(person).keyId())
                    .isNotEmpty();
        });
    }

    private List<String> inboxTitles(String user) {
        List<Map<String, Object>> inbox = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth(user, "demo"))
                .build()
                .get()
                .uri("/api/notifications?limit=200")
                .retrieve()
                .body(new ParameterizedTypeReference<CursorPage<Map<String, Object>>>() {})
                .items();
        return inbox == null
                ? List.of()
                : inbox.stream()
                        .map(entry -> String.valueOf(entry.get("title")))
                        .toList();
    }
}
