package org.suggestionbox.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.suggestionbox.events.AnswerReminderDue;
import org.suggestionbox.events.CloudEventHeaders;
import org.suggestionbox.events.DecisionOutcome;
import org.suggestionbox.events.DeclineReason;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.events.IdeaDecided;
import org.suggestionbox.events.IdeaStatusChanged;
import org.suggestionbox.events.Impact;
import org.suggestionbox.events.ProgressStatus;
import org.suggestionbox.events.ReminderPoint;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.events.Topics;
import org.suggestionbox.events.Visibility;
import org.suggestionbox.notifier.delivery.RecipientRefs;
import org.suggestionbox.notifier.preferences.Preferences;
import org.suggestionbox.notifier.preferences.PreferencesService;
import org.suggestionbox.testing.Infrastructure;
import org.suggestionbox.testing.KafkaProbe;

/**
 * An idea supported by three colleagues: each hears its outcome exactly once, in their language, also when the
 * event is delivered twice; a supporter who co-submitted it hears it once, as its submitter; and only the
 * submitters' deliveries can prove the idea answered. With an implementation, the submitter's manager hears
 * the thanks when the submitter chose it.
 */
class SupportersIntegrationTests extends NotifierSpringIntegrationTest {

    @Autowired
    PreferencesService preferences;

    @Autowired
    RecipientRefs refs;

    private final Map<String, Preferences> changed = new HashMap<>();

    @AfterEach
    void restorePreferences() {
        changed.forEach(preferences::update);
    }

    @Test
    void eachOfThreeSupportersHearsTheDecisionExactlyOnceAndOnlyTheSubmittersProveItAnswered(
            Infrastructure infrastructure) throws Exception {
        // given: alice and piotr submitted it; noa, jan and piotr support it (each hears by inbox and e-mail)
        for (String person : List.of("alice", "piotr", "noa", "jan")) {
            choose(person, Set.of(DeliveryChannel.EMAIL), false);
        }
        String title = "Quieter printers " + shortId();
        IdeaDecided decided = new IdeaDecided(
                UUID.randomUUID(),
                UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                1,
                title,
                List.of(Submitter.person("alice"), Submitter.person("piotr")),
                "maya",
                "Maya Rosen",
                DecisionOutcome.DECLINE,
                DeclineReason.COST_EXCEEDS_BENEFIT,
                "New printers cost more than the noise costs us.",
                null,
                null,
                List.of("noa", "jan", "piotr"));

        // when: the decision arrives twice (a redelivery), then a later event of the same idea
        publish(decided);
        publish(decided);
        AnswerReminderDue later = new AnswerReminderDue(
                UUID.randomUUID(),
                decided.ideaId(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                1,
                title,
                "maya",
                ReminderPoint.ONE_DAY_BEFORE,
                Instant.now().plus(1, ChronoUnit.DAYS));
        publish(later);
        // the later event is on the same partition: once maya has it, both copies of the decision were handled
        awaitInbox("maya", decided.ideaId(), 1);

        // then: one message each, in the inbox and by e-mail, in their own words and language
        for (String person : List.of("alice", "piotr", "noa", "jan")) {
            assertThat(inbox(person, decided.ideaId())).as("%s's inbox", person).hasSize(1);
            assertThat(Mailbox.mailsTo(infrastructure.greenMail(), person + "@suggestionbox.example", title))
                    .as("%s's mails", person)
                    .hasSize(1);
        }
        assertThat(inbox("noa", decided.ideaId()).getFirst())
                .containsEntry("kind", "SUPPORTED_IDEA_DECLINED")
                .containsEntry("title", "רעיון שתמכת בו נדחה: „\u2068" + title + "\u2069”");
        assertThat(inbox("jan", decided.ideaId()).getFirst())
                .containsEntry("kind", "SUPPORTED_IDEA_DECLINED")
                .containsEntry("title", "Pomysł, który popierasz, został odrzucony: „" + title + "”");
        assertThat(inbox("piotr", decided.ideaId()).getFirst())
                .containsEntry("kind", "IDEA_DECLINED")
                .containsEntry("title", "Twój pomysł „" + title + "” został odrzucony");
        MimeMessage toJan = Mailbox.mailsTo(infrastructure.greenMail(), "jan@suggestionbox.example", title)
                .getFirst();
        assertThat(Mailbox.text(toJan))
                .contains("Powód: Koszty przewyższają korzyści")
                .doesNotContain("Alice")
                .doesNotContain("Piotr");

        // the ledger: one delivery per person and channel, supporters as supporters
        Map<String, Set<String>> inAppByRole = mongo
                .getCollection("deliveries")
                .find(Filters.and(
                        Filters.eq("sourceEventId", decided.eventId().toString()),
                        Filters.eq("channel", DeliveryChannel.IN_APP.name())))
                .into(new java.util.ArrayList<Document>())
                .stream()
                .collect(Collectors.groupingBy(
                        row -> row.getString("recipientRole"),
                        Collectors.mapping(row -> row.getString("recipientRef"), Collectors.toSet())));
        assertThat(inAppByRole)
                .containsOnlyKeys("SUBMITTER", "SUPPORTER")
                .containsEntry("SUBMITTER", Set.of(refs.of("alice"), refs.of("piotr")))
                .containsEntry("SUPPORTER", Set.of(refs.of("noa"), refs.of("jan")));

        // the answer is proven by the submitters' deliveries only: the decision waits for alice's and piotr's
        Document decision = mongo.getCollection("decisions")
                .find(Filters.eq("_id", decided.ideaId().toString()))
                .first();
        assertThat(decision).isNotNull();
        assertThat(decision.getList("submitterRefs", String.class))
                .containsExactlyInAnyOrder(refs.of("alice"), refs.of("piotr"));
        List<ConsumerRecord<String, byte[]>> proofs = KafkaProbe.recordsBeforeSentinel(
                Topics.NOTIFICATIONS_DELIVERED,
                record -> decided.ideaId().toString().equals(record.key())
                        && text(record).contains("\"sourceEventId\":\"" + decided.eventId() + "\""));
        Map<String, Set<String>> proofIdsByRole = proofs.stream()
                .collect(Collectors.groupingBy(
                        record -> text(record).contains("\"recipientRole\":\"SUPPORTER\"") ? "SUPPORTER" : "SUBMITTER",
                        Collectors.mapping(
                                record -> String.valueOf(KafkaProbe.header(record, CloudEventHeaders.ID)),
                                Collectors.toSet())));
        // inbox and e-mail each: 2 submitters, 2 supporters (the router counts only SUBMITTER proofs)
        assertThat(proofIdsByRole.get("SUBMITTER")).hasSize(4);
        assertThat(proofIdsByRole.get("SUPPORTER")).hasSize(4);
        assertThat(proofs)
                .allSatisfy(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8))
                        .doesNotContain("noa")
                        .doesNotContain("jan"));
    }

    @Test
    void aliceChoseThatHerManagerHearsTheThanksAndMayaDoesWithTheImpact(Infrastructure infrastructure) {
        // given: alice (whose manager is maya) chose it through the API; piotr (whose manager is jan) did not
        changed.putIfAbsent("alice", preferences.ofPerson("alice"));
        changed.putIfAbsent("piotr", preferences.ofPerson("piotr"));
        changed.putIfAbsent("maya", preferences.ofPerson("maya"));
        changed.putIfAbsent("jan", preferences.ofPerson("jan"));
        choose("maya", Set.of(DeliveryChannel.EMAIL), false);
        choose("jan", Set.of(DeliveryChannel.EMAIL), false);
        Map<String, Object> saved = client("alice")
                .put()
                .uri("/api/preferences")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("channels", List.of("EMAIL"), "managerHearsThanks", true))
                .retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() {});
        assertThat(saved).containsEntry("managerHearsThanks", true).containsEntry("monthlyDigest", true);
        choose("piotr", Set.of(DeliveryChannel.EMAIL), false);
        String title = "Shared calendars " + shortId();
        IdeaStatusChanged implemented = new IdeaStatusChanged(
                UUID.randomUUID(),
                UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                1,
                title,
                List.of(Submitter.person("alice"), Submitter.person("piotr")),
                "lea",
                ProgressStatus.IMPLEMENTED,
                "Live for every team",
                List.of(),
                new Impact(
                        "Meetings are booked without e-mail ping-pong", new BigDecimal("40"), "hours-saved-per-month"),
                "Thank you both: everyone noticed!",
                Visibility.COMPANY);

        // when
        publish(implemented);

        // then: alice hears the impact and the thanks; maya (alice's manager) hears them too; jan does not
        assertThat(Mailbox.text(awaitMail(infrastructure, "alice@suggestionbox.example", title)))
                .contains("By the owner’s estimate, your idea saves the team about 40 hours a month.")
                .contains("A thank-you from Lea Fischer: Thank you both: everyone noticed!");
        MimeMessage toMaya = awaitMail(infrastructure, "maya@suggestionbox.example", title);
        assertThat(Mailbox.subject(toMaya)).isEqualTo("Alice Walker’s idea “" + title + "” was implemented");
        assertThat(Mailbox.text(toMaya))
                .contains("What changed: Meetings are booked without e-mail ping-pong")
                .contains("A thank-you from Lea Fischer: Thank you both: everyone noticed!");
        assertThat(Mailbox.text(awaitMail(infrastructure, "piotr@suggestionbox.example", title)))
                .contains("oszczędza zespołowi około 40 godzin miesięcznie");
        assertThat(inbox("maya", implemented.ideaId()))
                .singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("kind", "THANKS_TO_MANAGER"));
        assertThat(inbox("jan", implemented.ideaId())).isEmpty();
    }

    /** Channels, no digest, the directory's language; the person's choice is put back after the test. */
    private void choose(String personId, Set<DeliveryChannel> channels, boolean managerHearsThanks) {
        changed.putIfAbsent(personId, preferences.ofPerson(personId));
        preferences.update(personId, new Preferences(channels, null, null, null, false, managerHearsThanks, true));
    }
}
