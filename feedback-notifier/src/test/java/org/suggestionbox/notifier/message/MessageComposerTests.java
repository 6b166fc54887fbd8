package org.suggestionbox.notifier.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.suggestionbox.events.AnswerEscalated;
import org.suggestionbox.events.AnswerReminderDue;
import org.suggestionbox.events.DecisionOutcome;
import org.suggestionbox.events.DeclineReason;
import org.suggestionbox.events.IdeaAssigned;
import org.suggestionbox.events.IdeaDecided;
import org.suggestionbox.events.IdeaStatusChanged;
import org.suggestionbox.events.ProgressStatus;
import org.suggestionbox.events.RecipientRole;
import org.suggestionbox.events.ReminderPoint;
import org.suggestionbox.events.SealedIdentity;
import org.suggestionbox.events.Submitter;

class MessageComposerTests {

    private static final Instant NOW = Instant.parse("2026-05-04T09:00:00Z");
    private static final Instant DUE = Instant.parse("2026-05-18T09:00:00Z");

    /** Every sealed identity opens as noa, anonymous. */
    private static final Recipients RECIPIENTS = TestRecipients.withoutManagers();

    private final MessageComposer composer =
            new MessageComposer(RECIPIENTS, BundleTexts.texts(), ZoneOffset.UTC, "http://router.example/");

    @Test
    void declineTellsTheSubmitterTheOutcomeTheReasonAndTheExplanation() {
        IdeaDecided decided = decline(List.of(Submitter.person("alice")));

        List<Message> messages = composer.compose(decided);

        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.kind()).isEqualTo(MessageKind.IDEA_DECLINED);
            assertThat(message.recipient().role()).isEqualTo(RecipientRole.SUBMITTER);
            assertThat(message.title()).isEqualTo("Your idea “Shorter hold music” was declined");
            assertThat(message.body())
                    .contains("Maya Rosen decided not to take your idea “Shorter hold music” forward.")
                    .contains("Reason: Not feasible")
                    .contains("Explanation: The phone system cannot change it before 2027.");
            assertThat(message.link()).isEqualTo("http://router.example/ideas/" + decided.ideaId());
            assertThat(message.sourceEventType()).isEqualTo("IdeaDecided");
            assertThat(message.sourceEventId()).isEqualTo(decided.eventId());
        });
    }

    @Test
    void exploreTellsTheNextStepAndTheExpectedDateInTheRecipientsFormat() {
        IdeaDecided decided = new IdeaDecided(
                UUID.randomUUID(),
                UUID.randomUUID(),
                NOW,
                1,
                "Shorter hold music",
                List.of(Submitter.person("alice")),
                "maya",
                "Maya Rosen",
                DecisionOutcome.EXPLORE,
                null,
                "Customers complain about it too.",
                "Try two tracks in one queue",
                LocalDate.of(2026, 6, 30));

        Message message = composer.compose(decided).getFirst();

        assertThat(message.kind()).isEqualTo(MessageKind.IDEA_EXPLORED);
        assertThat(message.title()).isEqualTo("Your idea “Shorter hold music” will be explored");
        assertThat(message.body())
                .contains("Maya Rosen decided to explore your idea")
                .contains("Explanation: Customers complain about it too.")
                .contains("Next step: Try two tracks in one queue")
                .contains("Expected by: June 30, 2026");
    }

    @Test
    void aHebrewSubmitterReadsHebrewAndAPolishOnePolish() {
        IdeaDecided decided = decline(List.of(Submitter.person("noa"), Submitter.person("piotr")));

        List<Message> messages = composer.compose(decided);

        assertThat(messages).hasSize(2);
        Message hebrew = messages.get(0);
        assertThat(hebrew.locale().getLanguage()).isEqualTo("he");
        assertThat(hebrew.title()).isEqualTo("הרעיון שלך „Shorter hold music” נדחה");
        assertThat(hebrew.body()).contains("סיבה: לא ניתן לביצוע").contains("הסבר: The phone system");
        Message polish = messages.get(1);
        assertThat(polish.title()).isEqualTo("Twój pomysł „Shorter hold music” został odrzucony");
        assertThat(polish.body()).contains("Powód: Niewykonalne");
    }

    @Test
    void assignmentTellsTheSubmitterWhoOwnsItAndByWhenAndTheOwnerThatItIsInTheQueue() {
        IdeaAssigned assigned = new IdeaAssigned(
                UUID.randomUUID(),
                UUID.randomUUID(),
                NOW,
                1,
                "Quieter office",
                "workplace",
                List.of(Submitter.person("piotr")),
                "maya",
                "Maya Rosen",
                "workplace",
                "You own the workplace category",
                DUE);

        List<Message> messages = composer.compose(assigned);

        assertThat(messages)
                .extracting(Message::kind)
                .containsExactly(MessageKind.IDEA_RECEIVED, MessageKind.IDEA_IN_QUEUE);
        assertThat(messages.get(0).body()).contains("Maya Rosen").contains("18 maja 2026");
        assertThat(messages.get(1).recipient().role()).isEqualTo(RecipientRole.OWNER);
        assertThat(messages.get(1).body())
                .contains("Please answer by May 18, 2026")
                .contains("Why you: You own the workplace category");
    }

    @Test
    void aPersonWhoSubmittedAndOwnsAnIdeaHearsOnceAsItsSubmitter() {
        IdeaAssigned assigned = new IdeaAssigned(
                UUID.randomUUID(),
                UUID.randomUUID(),
                NOW,
                1,
                "Own idea",
                "other",
                List.of(Submitter.person("maya")),
                "maya",
                "Maya Rosen",
                "fallback",
                "Triage",
                DUE);

        assertThat(composer.compose(assigned))
                .singleElement()
                .satisfies(message -> assertThat(message.kind()).isEqualTo(MessageKind.IDEA_RECEIVED));
    }

    @Test
    void anOwnerWhoSubmittedTheIdeaAnonymouslyIsStillToldItIsInTheirQueue() {
        // the event names the owner; an owner left out of the proofs would be the anonymous submitter
        IdeaAssigned assigned = new IdeaAssigned(
                UUID.randomUUID(),
                UUID.randomUUID(),
                NOW,
                1,
                "Own idea",
                "other",
                List.of(Submitter.anonymous(new SealedIdentity("local-1", "c2VhbGVk"))),
                "noa",
                "Noa Levi",
                "fallback",
                "Triage",
                DUE);

        assertThat(composer.compose(assigned))
                .extracting(
                        Message::kind,
                        message -> message.recipient().personId(),
                        message -> message.recipient().contact().anonymous())
                .containsExactly(
                        Tuple.tuple(MessageKind.IDEA_RECEIVED, "noa", true),
                        Tuple.tuple(MessageKind.IDEA_IN_QUEUE, "noa", false));
    }

    @Test
    void implementedTellsTheImpact() {
        IdeaStatusChanged changed = new IdeaStatusChanged(
                UUID.randomUUID(),
                UUID.randomUUID(),
                NOW,
                1,
                "Quieter office",
                List.of(Submitter.person("alice")),
                "maya",
                ProgressStatus.IMPLEMENTED,
                "Noise complaints halved");

        assertThat(composer.compose(changed)).singleElement().satisfies(message -> {
            assertThat(message.kind()).isEqualTo(MessageKind.IDEA_IMPLEMENTED);
            assertThat(message.body()).contains("Its impact: Noise complaints halved");
        });
    }

    @Test
    void escalationTellsTheSubmittersItIsStillUnderReviewAndTheManagerWhatToDo() {
        AnswerEscalated escalated = new AnswerEscalated(
                UUID.randomUUID(),
                UUID.randomUUID(),
                NOW,
                1,
                "Quieter office",
                List.of(Submitter.person("alice")),
                "maya",
                "lea",
                NOW,
                DUE);

        List<Message> messages = composer.compose(escalated);

        assertThat(messages)
                .extracting(Message::kind)
                .containsExactly(MessageKind.ANSWER_DELAYED, MessageKind.ANSWER_ESCALATED_TO_YOU);
        assertThat(messages.get(0).body()).contains("still", "May 18, 2026");
        assertThat(messages.get(1).recipient().role()).isEqualTo(RecipientRole.MANAGER);
        assertThat(messages.get(1).body())
                .contains("Maya Rosen")
                .contains("May 4, 2026")
                .contains("May 18, 2026");
    }

    @Test
    void aReminderGoesToTheOwnerOnly() {
        AnswerReminderDue reminder = new AnswerReminderDue(
                UUID.randomUUID(),
                UUID.randomUUID(),
                NOW,
                1,
                "Quieter office",
                "maya",
                ReminderPoint.ONE_DAY_BEFORE,
                DUE);

        assertThat(composer.compose(reminder)).singleElement().satisfies(message -> {
            assertThat(message.recipient().personId()).isEqualTo("maya");
            assertThat(message.kind()).isEqualTo(MessageKind.ANSWER_REMINDER);
        });
    }

    @Test
    void anAnonymousSubmitterHearsTheAnswerInTheirLanguageAndIsToldTheyStayedAnonymous() {
        IdeaDecided decided = decline(List.of(Submitter.anonymous(new SealedIdentity("local-1", "c2VhbGVk"))));

        assertThat(composer.compose(decided)).singleElement().satisfies(message -> {
            assertThat(message.recipient().contact().anonymous()).isTrue();
            assertThat(message.body()).contains("לא ניתן לביצוע").contains("באופן אנונימי");
        });
    }

    @Test
    void aSubmitterWhoLeftTheDirectoryIsSkippedAndTheOthersStillHear() {
        IdeaDecided decided = decline(List.of(Submitter.person("gone"), Submitter.person("alice")));

        assertThat(composer.compose(decided))
                .extracting(message -> message.recipient().personId())
                .containsExactly("alice");
    }

    private static IdeaDecided decline(List<Submitter> submitters) {
        return new IdeaDecided(
                UUID.randomUUID(),
                UUID.randomUUID(),
                NOW,
                1,
                "Shorter hold music",
                submitters,
                "maya",
                "Maya Rosen",
                DecisionOutcome.DECLINE,
                DeclineReason.NOT_FEASIBLE,
                "The phone system cannot change it before 2027.",
                null,
                null);
    }
}
