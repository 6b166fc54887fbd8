package org.suggestionbox.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.events.IdeaDecided;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.events.Topics;
import org.suggestionbox.notifier.delivery.Deliveries;
import org.suggestionbox.notifier.delivery.RecipientRefs;
import org.suggestionbox.platform.anonymity.IdentitySealer;
import org.suggestionbox.platform.anonymity.SealedContact;
import org.suggestionbox.testing.Infrastructure;
import org.suggestionbox.testing.KafkaProbe;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an anonymous submitter is sent, and what the proofs of it let others learn (issue 12, items 4 and 5):
 * every message carries the idea's private tracking link, and the proofs on
 * {@code notifications.delivered.v1} refer to the submitter per idea, so they cannot be tied to the same
 * person's named ideas or to each other; they prove her inbox only, so they do not tell which other channels
 * she chose either.
 */
class AnonymousSubmitterIntegrationTests extends NotifierSpringIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    IdentitySealer identitySealer;

    @Autowired
    RecipientRefs recipientRefs;

    @Autowired
    Deliveries deliveries;

    @Test
    void everyMessageToAnAnonymousSubmitterCarriesThePrivateTrackingLink(Infrastructure infrastructure)
            throws Exception {
        String token = "Tr4ck-T0ken-" + shortId() + "-xyzXYZ_0123456789";
        String link = "http://localhost:8082/track/" + token;
        String title = "Anonymous with a link " + shortId();
        IdeaDecided decided = decline(title, anonymous("piotr", "pl", token));

        publish(decided);

        Map<String, Object> entry = awaitInbox("piotr", decided.ideaId(), 1).getFirst();
        assertThat(entry.get("link")).isEqualTo(link);
        assertThat((String) entry.get("body")).contains(link).contains("zachowaj go");
        String mail = Mailbox.text(awaitMail(infrastructure, "piotr@suggestionbox.example", title));
        assertThat(mail)
                .contains("href=\"" + link + "\"")
                .contains("Powód: Niewykonalne")
                .doesNotContain("/ideas/" + decided.ideaId());
    }

    @Test
    void anonymousIdeasAreProvenUnderReferencesMadePerIdeaAndTheAnswerIsStillProven() {
        IdeaDecided named = decline("Named " + shortId(), Submitter.person("alice"));
        IdeaDecided firstAnonymous =
                decline("Anonymous one " + shortId(), anonymous("alice", "en", "tok-one-" + shortId()));
        IdeaDecided secondAnonymous =
                decline("Anonymous two " + shortId(), anonymous("alice", "en", "tok-two-" + shortId()));

        publish(named);
        publish(firstAnonymous);
        publish(secondAnonymous);

        Set<String> namedRefs = proofRefs(named, 2);
        Set<String> firstRefs = proofRefs(firstAnonymous, 1);
        Set<String> secondRefs = proofRefs(secondAnonymous, 1);
        assertThat(namedRefs).containsExactly(recipientRefs.of("alice"));
        assertThat(firstRefs).hasSize(1).doesNotContainAnyElementsOf(namedRefs);
        assertThat(secondRefs).hasSize(1).doesNotContainAnyElementsOf(namedRefs).doesNotContainAnyElementsOf(firstRefs);

        // the proof of answer still holds: the decision counts as delivered to its (anonymous) submitter
        assertThat(deliveries.deliveredToAllSubmitters(firstAnonymous.eventId(), firstRefs))
                .isTrue();
        assertThat(deliveries.deliveredToAllSubmitters(firstAnonymous.eventId(), namedRefs))
                .isFalse();
        // and she reads both answers in her own inbox
        assertThat(awaitInbox("alice", firstAnonymous.ideaId(), 1)).hasSize(1);
        assertThat(awaitInbox("alice", secondAnonymous.ideaId(), 1)).hasSize(1);
    }

    @Test
    void anAnonymousSubmitterHearsOnEveryChannelSheChoseButIsProvenInHerInboxOnly(Infrastructure infrastructure) {
        String title = "Anonymous by e-mail " + shortId();
        IdeaDecided decided = decline(title, anonymous("noa", "en", "tok-mail-" + shortId()));

        publish(decided);

        // she chose e-mail (the directory's default), and it came
        awaitMail(infrastructure, "noa@suggestionbox.example", title);
        // once the notifier has marked its e-mail sent, every proof it made of this message is on the topic
        awaitLedgerRow(decided, DeliveryChannel.EMAIL, Filters.eq("state", "SENT"));
        List<ConsumerRecord<String, byte[]>> proofs = KafkaProbe.recordsBeforeSentinel(
                Topics.NOTIFICATIONS_DELIVERED,
                record -> decided.ideaId().toString().equals(record.key()));
        assertThat(proofs)
                .singleElement()
                .satisfies(record -> assertThat(text(record))
                        .contains("NotificationDelivered", "\"channel\":\"IN_APP\"")
                        .doesNotContain("EMAIL"));
    }

    private Submitter anonymous(String personId, String locale, String token) {
        return Submitter.anonymous(identitySealer.seal(
                new SealedContact(personId, personId + "@suggestionbox.example", locale, null, null, token)));
    }

    private static Set<String> proofRefs(IdeaDecided decided, int proofs) {
        List<ConsumerRecord<String, byte[]>> records = KafkaProbe.awaitRecords(
                Topics.NOTIFICATIONS_DELIVERED,
                proofs,
                WAIT,
                record -> decided.ideaId().toString().equals(record.key()));
        return records.stream()
                .map(record -> JSON.readTree(new String(record.value(), StandardCharsets.UTF_8)))
                .map(json -> json.get("recipientRef").asString())
                .collect(Collectors.toSet());
    }
}
