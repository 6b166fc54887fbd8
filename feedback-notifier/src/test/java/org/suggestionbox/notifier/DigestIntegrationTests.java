package org.suggestionbox.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.mongodb.client.model.Filters;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.events.IdeaAssigned;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.events.Topics;
import org.suggestionbox.notifier.config.NotifierProperties;
import org.suggestionbox.notifier.delivery.RecipientRefs;
import org.suggestionbox.notifier.digest.DigestJob;
import org.suggestionbox.notifier.message.Texts;
import org.suggestionbox.notifier.preferences.Preferences;
import org.suggestionbox.notifier.preferences.PreferencesService;
import org.suggestionbox.platform.web.CursorPage;
import org.suggestionbox.testing.Infrastructure;

/**
 * Owners who chose the daily digest: their messages reach the inbox at once and their e-mail once a
 * day, in one digest that a rerun does not send again; submitters still hear at once.
 */
class DigestIntegrationTests extends NotifierSpringIntegrationTest {

    @Autowired
    DigestJob digests;

    @Autowired
    PreferencesService preferences;

    @Autowired
    RecipientRefs refs;

    @Autowired
    Clock clock;

    @Autowired
    NotifierProperties properties;

    @Autowired
    Texts texts;

    private final Map<String, Preferences> changed = new HashMap<>();

    @AfterEach
    void restorePreferences() {
        changed.forEach(preferences::update);
    }

    @Test
    void mayaGetsBothNewIdeasInHerInboxAtOnceAndByEmailInOneDigest(Infrastructure infrastructure) throws Exception {
        // given
        choose("maya", null);
        String first = "Digest ramp signage " + shortId();
        String second = "Digest parking rota " + shortId();
        IdeaAssigned one = assigned(first, "maya");
        IdeaAssigned two = assigned(second, "maya");

        // when
        publish(one);
        publish(two);

        // then: the inbox at once, no e-mail per message for maya; the submitter hears at once
        awaitInbox("maya", one.ideaId());
        awaitInbox("maya", two.ideaId());
        awaitQueued("maya", one, two);
        await().atMost(WAIT)
                .until(() -> !Mailbox.mailsTo(infrastructure.greenMail(), "alice@suggestionbox.example", second)
                        .isEmpty());
        assertThat(Mailbox.mailsTo(infrastructure.greenMail(), "maya@suggestionbox.example", first))
                .isEmpty();
        assertThat(Mailbox.mailsTo(infrastructure.greenMail(), "maya@suggestionbox.example", second))
                .isEmpty();

        // when: the day's job runs
        LocalDate today = LocalDate.now(clock.withZone(properties.timeZone()));
        digests.send(today);

        // then: one digest with both
        List<MimeMessage> digestMails = digestsTo(infrastructure.greenMail(), "maya@suggestionbox.example", first);
        assertThat(digestMails).hasSize(1);
        MimeMessage digest = digestMails.getFirst();
        assertThat(digest.getSubject()).isEqualTo("Your daily Suggestion Box digest: 2 updates");
        assertThat(Mailbox.text(digest))
                .contains("Hello Maya Rosen,")
                .contains("lang=\"en\" dir=\"ltr\"")
                .contains("New idea in your queue: “" + first + "”")
                .contains("New idea in your queue: “" + second + "”")
                .contains("http://localhost:8082/ideas/" + one.ideaId())
                .contains("http://localhost:8082/ideas/" + two.ideaId());
        assertThat(mongo.getCollection("digest_items")
                        .countDocuments(
                                Filters.and(Filters.eq("recipientRef", refs.of("maya")), Filters.eq("sent", false))))
                .isZero();
        // her inbox page counts the unread ones in the plural form of her language
        Map<String, Object> unread = client("maya")
                .get()
                .uri("/api/notifications/unread-count")
                .retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() {});
        long count = ((Number) unread.get("unread")).longValue();
        assertThat(count).isGreaterThanOrEqualTo(2);
        assertThat(client("maya").get().uri("/inbox?lang=pl").retrieve().body(String.class))
                .contains(texts.count("inbox.unread", Locale.forLanguageTag("pl"), count));

        // when: the job runs again that day (another instance, a restart)
        digests.send(today);

        // then: nothing new
        assertThat(digestsTo(infrastructure.greenMail(), "maya@suggestionbox.example", first))
                .hasSize(1);
        assertThat(mongo.getCollection("digests").countDocuments(Filters.eq("recipientRef", refs.of("maya"))))
                .isEqualTo(1);
    }

    @Test
    void aHebrewDigestReadsRightToLeftAndCountsInTheDualForm(Infrastructure infrastructure) throws Exception {
        choose("jan", "he");
        String first = "Digest forklift lanes " + shortId();
        String second = "Digest shift swaps " + shortId();
        IdeaAssigned one = assigned(first, "jan");
        IdeaAssigned two = assigned(second, "jan");

        publish(one);
        publish(two);
        awaitQueued("jan", one, two);
        digests.send(LocalDate.now(clock.withZone(properties.timeZone())));

        List<MimeMessage> mails = digestsTo(infrastructure.greenMail(), "jan@suggestionbox.example", first);
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().getSubject()).isEqualTo("הסיכום היומי שלך מתיבת ההצעות: שני עדכונים");
        assertThat(Mailbox.text(mails.getFirst()))
                .contains("lang=\"he\" dir=\"rtl\"")
                .contains(first)
                .contains(second);
        assertThat(mongo.findAll(Document.class, "digest_items"))
                .allSatisfy(item -> assertThat(item.toJson())
                        .doesNotContain("jan@")
                        .doesNotContain("\"jan\"")
                        .doesNotContain("maya@"));
    }

    /** Digest on, e-mail on, optionally a language; the person's choice is put back after the test. */
    private void choose(String personId, String locale) {
        changed.putIfAbsent(personId, preferences.ofPerson(personId));
        preferences.update(personId, new Preferences(Set.of(DeliveryChannel.EMAIL), null, null, locale, true));
    }

    private void awaitQueued(String personId, IdeaAssigned... assigned) {
        List<String> ideaIds =
                Arrays.stream(assigned).map(event -> event.ideaId().toString()).toList();
        await().atMost(WAIT)
                .until(() -> mongo.getCollection("digest_items")
                                .countDocuments(Filters.and(
                                        Filters.eq("recipientRef", refs.of(personId)), Filters.in("ideaId", ideaIds)))
                        == ideaIds.size());
    }

    private static IdeaAssigned assigned(String title, String ownerId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new IdeaAssigned(
                UUID.randomUUID(),
                UUID.randomUUID(),
                now,
                1,
                title,
                "workplace",
                List.of(Submitter.person("alice")),
                ownerId,
                "Owner",
                "workplace",
                "Workplace ideas go to facilities",
                now.plus(Duration.ofDays(14)));
    }

    private void publish(IdeaAssigned event) throws Exception {
        events.publish(Topics.IDEAS_LIFECYCLE, event).get(20, TimeUnit.SECONDS);
    }

    private void awaitInbox(String user, UUID ideaId) {
        RestClient client = client(user);
        await().atMost(WAIT)
                .until(() -> client
                        .get()
                        .uri("/api/notifications?limit=200")
                        .retrieve()
                        .body(new ParameterizedTypeReference<CursorPage<Map<String, Object>>>() {})
                        .items()
                        .stream()
                        .anyMatch(entry -> ideaId.toString().equals(entry.get("ideaId"))));
    }

    /** Digest mails to the address that list the title. */
    private static List<MimeMessage> digestsTo(GreenMail greenMail, String address, String title) {
        return Mailbox.mailsTo(greenMail, address, "").stream()
                .filter(mail -> Mailbox.text(mail).contains(title)
                        && !Mailbox.subject(mail).contains(title))
                .toList();
    }
}
