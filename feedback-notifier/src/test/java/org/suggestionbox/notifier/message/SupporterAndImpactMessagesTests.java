package org.suggestionbox.notifier.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.suggestionbox.events.DecisionOutcome;
import org.suggestionbox.events.DeclineReason;
import org.suggestionbox.events.IdeaDecided;
import org.suggestionbox.events.IdeaImpactMeasured;
import org.suggestionbox.events.IdeaMergedAsDuplicate;
import org.suggestionbox.events.IdeaStatusChanged;
import org.suggestionbox.events.Impact;
import org.suggestionbox.events.ImpactCheckDue;
import org.suggestionbox.events.ProgressStatus;
import org.suggestionbox.events.RecipientRole;
import org.suggestionbox.events.SealedIdentity;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.events.Visibility;

/** Supporters hear outcomes in their own words, impact reads as words in each language, thanks reach managers who were asked for. */
class SupporterAndImpactMessagesTests {

    private static final Instant NOW = Instant.parse("2026-05-04T09:00:00Z");
    private static final Submitter ANONYMOUS = Submitter.anonymous(new SealedIdentity("local-1", "c2VhbGVk"));

    /** Everyone's manager is lea; every sealed identity opens as noa, anonymous. */
    private static final Recipients RECIPIENTS = TestRecipients.reportingToLea();

    /** Alice and noa chose that their manager hears the thanks; piotr did not. */
    private static final Recognition ALICE_AND_NOA = personId -> personId.equals("alice") || personId.equals("noa");

    private final MessageComposer composer = new MessageComposer(
            RECIPIENTS, BundleTexts.texts(), ZoneOffset.UTC, "http://router.example", ALICE_AND_NOA);

    @Test
    void eachSupporterHearsADecisionOnceInTheirLanguageAndASupportingCoSubmitterOnlyAsSubmitter() {
        IdeaDecided decided = new IdeaDecided(
                UUID.randomUUID(),
                UUID.randomUUID(),
                NOW,
                1,
                "Shorter hold music",
                List.of(Submitter.person("alice"), Submitter.person("piotr")),
                "maya",
                "Maya Rosen",
                DecisionOutcome.DECLINE,
                DeclineReason.NOT_FEASIBLE,
                "The phone system cannot change it before 2027.",
                null,
                null,
                List.of("noa", "piotr", "dan", "dan", "gone"));

        List<Message> messages = composer.compose(decided);

        assertThat(messages)
                .extracting(
                        message -> message.recipient().personId(),
                        message -> message.recipient().role(),
                        Message::kind)
                .containsExactly(
                        Tuple.tuple("alice", RecipientRole.SUBMITTER, MessageKind.IDEA_DECLINED),
                        Tuple.tuple("piotr", RecipientRole.SUBMITTER, MessageKind.IDEA_DECLINED),
                        Tuple.tuple("noa", RecipientRole.SUPPORTER, MessageKind.SUPPORTED_IDEA_DECLINED),
                        Tuple.tuple("dan", RecipientRole.SUPPORTER, MessageKind.SUPPORTED_IDEA_DECLINED));
        assertThat(messages.get(2).title()).isEqualTo("רעיון שתמכת בו נדחה: „Shorter hold music”");
        assertThat(messages.get(3).title()).isEqualTo("An idea you supported was declined: “Shorter hold music”");
        assertThat(messages.get(3).body())
                .contains("Maya Rosen decided not to take “Shorter hold music”, an idea you supported, forward.")
                .contains("Reason: Not feasible")
                .contains("Explanation: The phone system cannot change it before 2027.")
                .doesNotContain("Alice")
                .doesNotContain("Piotr");
    }

    @Test
    void anAnonymousSubmitterWhoAlsoSupportsHearsAsEverySupporterDoesAndNobodyIsToldWhoItWas() {
        IdeaMergedAsDuplicate merged = new IdeaMergedAsDuplicate(
                UUID.randomUUID(),
                UUID.randomUUID(),
                NOW,
                1,
                "Standing desks",
                List.of(ANONYMOUS),
                "maya",
                UUID.randomUUID(),
                "Height-adjustable desks",
                List.of("noa", "dan"));

        List<Message> messages = composer.compose(merged);

        assertThat(messages)
                .extracting(
                        message -> message.recipient().personId(),
                        message -> message.recipient().role())
                .containsExactly(
                        Tuple.tuple("noa", RecipientRole.SUBMITTER),
                        Tuple.tuple("noa", RecipientRole.SUPPORTER),
                        Tuple.tuple("dan", RecipientRole.SUPPORTER));
        assertThat(messages.get(0).recipient().contact().anonymous()).isTrue();
        // a supporter left out would be the submitter, to anyone who reads the event and the proofs
        assertThat(messages.get(1).recipient().contact().anonymous()).isFalse();
        assertThat(messages.get(1).kind()).isEqualTo(MessageKind.SUPPORTED_IDEA_MERGED);
        assertThat(messages.get(1).link()).isEqualTo(messages.get(2).link());
        Message toDan = messages.get(2);
        assertThat(toDan.kind()).isEqualTo(MessageKind.SUPPORTED_IDEA_MERGED);
        assertThat(toDan.link()).isEqualTo("http://router.example/ideas/" + merged.originalIdeaId());
        assertThat(toDan.title() + toDan.body())
                .contains("“Standing desks”, an idea you supported, is the same as “Height-adjustable desks”")
                .doesNotContain("נועה")
                .doesNotContain("noa")
                .doesNotContain("anonymous");
    }

    @Test
    void theImplementedMessageTellsSubmittersWhatChangedTheBenefitInWordsAndTheThanksAndSupportersNoThanks() {
        IdeaStatusChanged changed = implemented(
                List.of(Submitter.person("alice")),
                List.of("dan"),
                new Impact("Hold music cut to 30 seconds", new BigDecimal("40"), "hours-saved-per-month"),
                "Thank you for speaking up for our callers!");

        List<Message> messages = composer.compose(changed);

        assertThat(messages)
                .extracting(Message::kind)
                .containsExactly(
                        MessageKind.IDEA_IMPLEMENTED,
                        MessageKind.SUPPORTED_IDEA_IMPLEMENTED,
                        MessageKind.THANKS_TO_MANAGER);
        assertThat(messages.get(0).body())
                .contains("What changed: Hold music cut to 30 seconds")
                .contains("By the owner’s estimate, your idea saves the team about 40 hours a month.")
                .contains("A thank-you from Maya Rosen: Thank you for speaking up for our callers!");
        assertThat(messages.get(1).title()).isEqualTo("An idea you supported was implemented: “Shorter hold music”");
        assertThat(messages.get(1).body())
                .contains("By the owner’s estimate, the idea saves the team about 40 hours a month.")
                .doesNotContain("Thank you for speaking up");
    }

    @Test
    void benefitsReadInTheReadersLanguageWithItsNumberFormatAndUnitWords() {
        IdeaStatusChanged money = implemented(
                List.of(Submitter.person("noa"), Submitter.person("piotr")),
                List.of(),
                new Impact("Cheaper courier", new BigDecimal("12000.50"), "money-per-year"),
                null);
        IdeaStatusChanged oneHour = implemented(
                List.of(Submitter.person("noa"), Submitter.person("piotr")),
                List.of(),
                new Impact("Shorter stand-up", BigDecimal.ONE, "hours-saved-per-month"),
                null);
        IdeaStatusChanged fiveIncidents = implemented(
                List.of(Submitter.person("piotr")),
                List.of(),
                new Impact("Disk alarms", new BigDecimal("5"), "incidents-avoided"),
                null);

        List<Message> moneyMessages = composer.compose(money);
        List<Message> hourMessages = composer.compose(oneHour);

        assertThat(moneyMessages.get(0).body())
                .contains("לפי הערכת האחראי/ת, הרעיון שלך חוסך כ-\u206012,000.5 בשנה בעלויות.");
        assertThat(moneyMessages.get(1).body())
                .contains("Według szacunków opiekuna Twój pomysł oszczędza około 12\u00a0000,5 rocznie.");
        assertThat(hourMessages.get(0).body()).contains("חוסך לצוות כ-\u20601 שעה בחודש");
        assertThat(hourMessages.get(1).body()).contains("oszczędza zespołowi około 1 godziny miesięcznie");
        assertThat(composer.compose(fiveIncidents).get(0).body()).contains("pozwala uniknąć około 5 incydentów");
    }

    @Test
    void aUnitWithoutWordsReadsAsItsId() {
        IdeaStatusChanged changed = implemented(
                List.of(Submitter.person("alice")),
                List.of(),
                new Impact("Less paper", new BigDecimal("3"), "trees-per-year"),
                null);

        assertThat(composer.compose(changed).get(0).body())
                .contains("By the owner’s estimate, your idea brings about 3 trees-per-year.");
    }

    @Test
    void theManagerHearsTheThanksOnlyOfSubmittersWhoChoseItAndNeverOfAnAnonymousOne() {
        Impact impact = new Impact("Hold music cut to 30 seconds", new BigDecimal("40"), "hours-saved-per-month");
        IdeaStatusChanged chosen = implemented(List.of(Submitter.person("alice")), List.of(), impact, "Thanks!");
        IdeaStatusChanged notChosen = implemented(List.of(Submitter.person("piotr")), List.of(), impact, "Dzięki!");
        IdeaStatusChanged anonymous = implemented(List.of(ANONYMOUS), List.of(), impact, "Thanks!");
        IdeaStatusChanged withoutThanks = implemented(List.of(Submitter.person("alice")), List.of(), impact, " ");

        List<Message> messages = composer.compose(chosen);

        assertThat(messages).hasSize(2);
        Message toManager = messages.get(1);
        assertThat(toManager.recipient().personId()).isEqualTo("lea");
        assertThat(toManager.recipient().role()).isEqualTo(RecipientRole.MANAGER);
        assertThat(toManager.kind()).isEqualTo(MessageKind.THANKS_TO_MANAGER);
        assertThat(toManager.title()).isEqualTo("Alice Walker’s idea “Shorter hold music” was implemented");
        assertThat(toManager.body())
                .contains("By the owner’s estimate, the idea saves the team about 40 hours a month.")
                .contains("A thank-you from Maya Rosen: Thanks!")
                .contains("Alice Walker asked that you hear the thanks too.");
        assertThat(composer.compose(notChosen)).extracting(Message::kind).containsExactly(MessageKind.IDEA_IMPLEMENTED);
        assertThat(composer.compose(anonymous)).extracting(Message::kind).containsExactly(MessageKind.IDEA_IMPLEMENTED);
        assertThat(composer.compose(withoutThanks))
                .extracting(Message::kind)
                .containsExactly(MessageKind.IDEA_IMPLEMENTED);
        assertThat(new MessageComposer(RECIPIENTS, BundleTexts.texts(), ZoneOffset.UTC, "http://router.example")
                        .compose(chosen))
                .extracting(Message::kind)
                .containsExactly(MessageKind.IDEA_IMPLEMENTED);
    }

    @Test
    void theOwnerIsAskedForTheMeasuredBenefitAtAnImpactCheck() {
        ImpactCheckDue check = new ImpactCheckDue(
                UUID.randomUUID(),
                UUID.randomUUID(),
                NOW,
                1,
                "Shorter hold music",
                "noa",
                30,
                new Impact("Hold music cut to 30 seconds", new BigDecimal("40"), "hours-saved-per-month"));

        assertThat(composer.compose(check)).singleElement().satisfies(message -> {
            assertThat(message.recipient().personId()).isEqualTo("noa");
            assertThat(message.recipient().role()).isEqualTo(RecipientRole.OWNER);
            assertThat(message.kind()).isEqualTo(MessageKind.IMPACT_CHECK_DUE);
            assertThat(message.title()).isEqualTo("מה „Shorter hold music” הביא עד כה?");
            assertThat(message.body())
                    .contains("„Shorter hold music” יושם לפני 30 ימים.")
                    .contains("בעת היישום הוערך שהרעיון חוסך לצוות כ-\u206040 שעות בחודש.");
            assertThat(message.link()).isEqualTo("http://router.example/ideas/" + check.ideaId());
        });
    }

    @Test
    void submittersAndSupportersHearTheMeasuredBenefit() {
        IdeaImpactMeasured measured = new IdeaImpactMeasured(
                UUID.randomUUID(),
                UUID.randomUUID(),
                NOW,
                1,
                "Shorter hold music",
                List.of(Submitter.person("alice")),
                List.of("alice", "piotr"),
                "maya",
                90,
                new Impact("Callers wait less", new BigDecimal("52"), "hours-saved-per-month"),
                new Impact("Hold music cut", new BigDecimal("40"), "hours-saved-per-month"),
                Visibility.COMPANY);

        List<Message> messages = composer.compose(measured);

        assertThat(messages)
                .extracting(message -> message.recipient().personId(), Message::kind)
                .containsExactly(
                        Tuple.tuple("alice", MessageKind.IMPACT_MEASURED),
                        Tuple.tuple("piotr", MessageKind.SUPPORTED_IDEA_IMPACT_MEASURED));
        assertThat(messages.get(0).body())
                .contains("Measured: your idea “Shorter hold music” saves the team about 52 hours a month.")
                .contains("Measured 90 days after it was implemented.")
                .contains("When it was implemented, the estimate was that it saves the team about 40 hours a month.");
        assertThat(messages.get(1).body())
                .contains(
                        "Według pomiaru pomysł „Shorter hold music”, który popierasz, oszczędza zespołowi około 52 godzin miesięcznie.");
    }

    private static IdeaStatusChanged implemented(
            List<Submitter> submitters, List<String> supporters, Impact impact, @Nullable String thanks) {
        return new IdeaStatusChanged(
                UUID.randomUUID(),
                UUID.randomUUID(),
                NOW,
                1,
                "Shorter hold music",
                submitters,
                "maya",
                ProgressStatus.IMPLEMENTED,
                "Live since Monday",
                supporters,
                impact,
                thanks,
                Visibility.COMPANY);
    }
}
