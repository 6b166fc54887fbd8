package org.suggestionbox.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.events.IdeaImpactMeasured;
import org.suggestionbox.events.IdeaStatusChanged;
import org.suggestionbox.events.Impact;
import org.suggestionbox.events.ProgressStatus;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.events.Visibility;
import org.suggestionbox.notifier.preferences.Preferences;
import org.suggestionbox.notifier.preferences.PreferencesService;
import org.suggestionbox.notifier.yousaid.YouSaidWeDidJob;
import org.suggestionbox.testing.Infrastructure;

/**
 * The monthly "You said, we did": the month's implemented ideas colleagues may see, with their impact, to
 * everyone who did not opt out, in their language, once however often the job runs.
 */
class YouSaidWeDidIntegrationTests extends NotifierSpringIntegrationTest {

    /** A month of its own on the shared broker and database. */
    private static final YearMonth MONTH = YearMonth.of(2031, 3);

    @Autowired
    YouSaidWeDidJob job;

    @Autowired
    PreferencesService preferences;

    private final Map<String, Preferences> changed = new HashMap<>();

    @AfterEach
    void restorePreferences() {
        changed.forEach(preferences::update);
    }

    @Test
    void everyoneWhoDidNotOptOutGetsTheMonthsCompanyVisibleImplementedIdeasOnceInTheirLanguage(
            Infrastructure infrastructure) throws Exception {
        // given: four ideas implemented in the month (company-wide, company-wide named, private, from before
        // visibility existed), one in the next month, and a measured benefit for the first
        String id = shortId();
        IdeaStatusChanged company =
                implemented("Shared calendars " + id, Visibility.COMPANY, 5, "40", "hours-saved-per-month");
        IdeaStatusChanged named =
                implemented("Cheaper couriers " + id, Visibility.COMPANY_NAMED, 20, "12000", "money-per-year");
        IdeaStatusChanged hidden =
                implemented("Private badge fix " + id, Visibility.PRIVATE, 21, "3", "incidents-avoided");
        IdeaStatusChanged old = implemented("Old canteen menu " + id, null, 22, "2", "csat-points");
        IdeaStatusChanged nextMonth = new IdeaStatusChanged(
                UUID.randomUUID(),
                UUID.randomUUID(),
                MONTH.plusMonths(1).atDay(1).atTime(0, 30).toInstant(ZoneOffset.UTC),
                1,
                "April bike racks " + id,
                List.of(Submitter.person("alice")),
                "maya",
                ProgressStatus.IMPLEMENTED,
                "Done",
                List.of(),
                new Impact("More racks", BigDecimal.TEN, "hours-saved-per-month"),
                null,
                Visibility.COMPANY);
        IdeaImpactMeasured measured = new IdeaImpactMeasured(
                UUID.randomUUID(),
                company.ideaId(),
                MONTH.plusMonths(1).atDay(5).atStartOfDay().toInstant(ZoneOffset.UTC),
                1,
                company.title(),
                company.submitters(),
                List.of(),
                "maya",
                30,
                new Impact("No more e-mail ping-pong to book a room", new BigDecimal("52"), "hours-saved-per-month"),
                company.impact(),
                Visibility.COMPANY);
        // noa opts out through the API; maya reads Hebrew; piotr (Polish) also hears on Slack
        changed.putIfAbsent("noa", preferences.ofPerson("noa"));
        Map<String, Object> saved = client("noa")
                .put()
                .uri("/api/preferences")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("channels", List.of("EMAIL"), "monthlyDigest", false))
                .retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() {});
        assertThat(saved).containsEntry("monthlyDigest", false);
        choose("maya", Set.of(DeliveryChannel.EMAIL), "he");
        choose("piotr", Set.of(DeliveryChannel.EMAIL, DeliveryChannel.SLACK), null);
        choose("alice", Set.of(DeliveryChannel.EMAIL), null);
        choose("jan", Set.of(DeliveryChannel.EMAIL), null);
        choose("lea", Set.of(DeliveryChannel.EMAIL), null);

        for (var event : List.of(company, named, hidden, old, nextMonth)) {
            publish(event);
        }
        publish(measured);
        // alice hears of each; her inbox has the measurement once the notifier kept it
        for (var event : List.of(company, named, hidden, old, nextMonth)) {
            awaitInbox("alice", event.ideaId(), 1);
        }
        awaitInbox("alice", company.ideaId(), 2);

        // when: the job runs, and runs again (a second instance, the retry run of the next day)
        int first = job.send(MONTH);
        int second = job.send(MONTH);

        // then
        assertThat(second).isZero();
        assertThat(first).isGreaterThanOrEqualTo(5);
        MimeMessage toAlice = onlyDigest(infrastructure, "alice@suggestionbox.example", "You said, we did: March 2031");
        assertThat(Mailbox.text(toAlice))
                .contains("These ideas from colleagues were implemented in March 2031.")
                .contains(
                        "“Shared calendars " + id
                                + "”: No more e-mail ping-pong to book a room. Measured: the idea saves the team about 52 hours a month.")
                .contains("“Cheaper couriers " + id + "”: Cheaper couriers " + id
                        + " shipped. By the owner’s estimate, the idea saves about 12,000 a year in costs.")
                .contains("See all implemented ideas")
                .contains("http://localhost:8082/ideas?view=implemented")
                .contains("you can turn it off on your notification preferences page")
                .doesNotContain("Private badge fix")
                .doesNotContain("Old canteen menu")
                .doesNotContain("April bike racks");
        String toPiotr = Mailbox.text(
                onlyDigest(infrastructure, "piotr@suggestionbox.example", "Mówiliście, zrobiliśmy: marzec 2031"));
        assertThat(toPiotr).contains("oszczędza około 12\u00a0000 rocznie").doesNotContain("Alice");
        assertThat(fakes().slackMessages("U0PIOTR"))
                .filteredOn(received -> received.body().contains("Shared calendars " + id))
                .hasSize(1);
        assertThat(Mailbox.text(onlyDigest(infrastructure, "maya@suggestionbox.example", "אמרתם, עשינו: מרץ 2031")))
                .contains("dir=\"rtl\"")
                .contains("לפי המדידה, הרעיון חוסך לצוות כ-\u206052 שעות בחודש.");
        onlyDigest(infrastructure, "jan@suggestionbox.example", "Mówiliście, zrobiliśmy: marzec 2031");
        onlyDigest(infrastructure, "lea@suggestionbox.example", "You said, we did: March 2031");
        assertThat(Mailbox.mailsTo(infrastructure.greenMail(), "noa@suggestionbox.example", "2031"))
                .isEmpty();
        // what is kept names nobody
        assertThat(mongo.getCollection("implemented_ideas")
                        .countDocuments(Filters.in(
                                "_id",
                                List.of(hidden.ideaId().toString(), old.ideaId().toString()))))
                .isZero();
        assertThat(mongo.findAll(org.bson.Document.class, "implemented_ideas"))
                .allSatisfy(document -> assertThat(document.toJson()).doesNotContain("alice"));
    }

    @Test
    void aMonthWithoutCompanyVisibleImplementedIdeasSendsNothing() {
        assertThat(job.send(YearMonth.of(2029, 2))).isZero();
    }

    private static MimeMessage onlyDigest(Infrastructure infrastructure, String to, String subject) {
        await().atMost(WAIT)
                .until(() -> !Mailbox.mailsTo(infrastructure.greenMail(), to, subject)
                        .isEmpty());
        List<MimeMessage> mails = Mailbox.mailsTo(infrastructure.greenMail(), to, subject);
        assertThat(mails).as("digests to %s", to).hasSize(1);
        return mails.getFirst();
    }

    private static FakeChatServers fakes() {
        return FakeChatServers.get();
    }

    private static IdeaStatusChanged implemented(
            String title, @Nullable Visibility visibility, int day, String amount, String unit) {
        Instant at = MONTH.atDay(day).atTime(10, 0).toInstant(ZoneOffset.UTC);
        return new IdeaStatusChanged(
                UUID.randomUUID(),
                UUID.randomUUID(),
                at,
                1,
                title,
                List.of(Submitter.person("alice")),
                "maya",
                ProgressStatus.IMPLEMENTED,
                "Live",
                List.of(),
                new Impact(title + " shipped", new BigDecimal(amount), unit),
                "Thanks, Alice!",
                visibility);
    }

    private void choose(String personId, Set<DeliveryChannel> channels, @Nullable String locale) {
        changed.putIfAbsent(personId, preferences.ofPerson(personId));
        preferences.update(personId, new Preferences(channels, null, null, locale, false, false, true));
    }
}
