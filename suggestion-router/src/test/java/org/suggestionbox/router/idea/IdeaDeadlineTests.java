package org.suggestionbox.router.idea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.suggestionbox.events.AnswerEscalated;
import org.suggestionbox.events.AnswerReminderDue;
import org.suggestionbox.events.IdeaAssigned;
import org.suggestionbox.events.IdeaSubmitted;
import org.suggestionbox.events.ReminderPoint;
import org.suggestionbox.events.SealedIdentity;
import org.suggestionbox.events.SubmissionChannel;
import org.suggestionbox.events.Submitter;

/** Reminder points and escalation as the aggregate decides them, with a fixed clock. */
class IdeaDeadlineTests {

    private static final Instant ASSIGNED_AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant DUE_BY = ASSIGNED_AT.plus(Duration.ofDays(14));
    private static final List<ReminderPoint> BOTH = List.of(ReminderPoint.HALF_TIME, ReminderPoint.ONE_DAY_BEFORE);

    @Test
    void remindersComeAtHalfTimeAndOneDayBeforeEachOnce() {
        Idea idea = assigned();

        assertThat(idea.remindIfDue(
                        BOTH, at(ASSIGNED_AT.plus(Duration.ofDays(7)).minusSeconds(1))))
                .isEmpty();
        Optional<AnswerReminderDue> halfTime = idea.remindIfDue(BOTH, at(ASSIGNED_AT.plus(Duration.ofDays(7))));
        assertThat(halfTime).hasValueSatisfying(reminder -> {
            assertThat(reminder.reminder()).isEqualTo(ReminderPoint.HALF_TIME);
            assertThat(reminder.ownerId()).isEqualTo("maya");
            assertThat(reminder.answerDueBy()).isEqualTo(DUE_BY);
        });
        assertThat(idea.remindIfDue(BOTH, at(ASSIGNED_AT.plus(Duration.ofDays(8)))))
                .isEmpty();
        assertThat(idea.remindIfDue(BOTH, at(DUE_BY.minus(Duration.ofDays(1)))))
                .hasValueSatisfying(
                        reminder -> assertThat(reminder.reminder()).isEqualTo(ReminderPoint.ONE_DAY_BEFORE));
        assertThat(idea.remindIfDue(BOTH, at(DUE_BY.minusSeconds(1)))).isEmpty();
        assertThat(idea.outbox()).hasSize(3);
        assertThat(idea.remindersSent())
                .extracting(SentReminder::point)
                .containsExactly(ReminderPoint.HALF_TIME, ReminderPoint.ONE_DAY_BEFORE);
        assertThat(idea.history())
                .extracting(HistoryEntry::what)
                .containsExactly(Milestone.SUBMITTED, Milestone.ASSIGNED);
    }

    @Test
    void pointsPassedTogetherMakeOneReminderForTheMostUrgent() {
        Idea idea = assigned();

        Optional<AnswerReminderDue> reminder = idea.remindIfDue(BOTH, at(DUE_BY.minus(Duration.ofHours(2))));

        assertThat(reminder)
                .hasValueSatisfying(due -> assertThat(due.reminder()).isEqualTo(ReminderPoint.ONE_DAY_BEFORE));
        assertThat(idea.remindersSent()).hasSize(2);
        assertThat(idea.remindIfDue(BOTH, at(DUE_BY.minus(Duration.ofHours(1)))))
                .isEmpty();
    }

    @Test
    void onlyTheConfiguredPointsRemind() {
        Idea idea = assigned();

        assertThat(idea.remindIfDue(List.of(ReminderPoint.ONE_DAY_BEFORE), at(ASSIGNED_AT.plus(Duration.ofDays(8)))))
                .isEmpty();
    }

    @Test
    void aMissedDeadlineIsEscalatedOnceTheOwnerStaysAndTheNewDeadlineGetsItsOwnReminders() {
        Idea idea = assigned();
        Instant breach = DUE_BY.plusSeconds(60); // whole seconds: deadlines are kept to the millisecond
        assertThat(idea.remindIfDue(BOTH, at(breach))).isEmpty();
        assertThat(idea.isOverdue(DUE_BY.minusSeconds(1))).isFalse();
        assertThat(idea.isOverdue(DUE_BY)).isTrue();

        AnswerEscalated escalated = idea.escalate("lea", Duration.ofDays(3), at(breach));

        assertThat(escalated.ownerId()).isEqualTo("maya");
        assertThat(escalated.escalatedToId()).isEqualTo("lea");
        assertThat(escalated.missedDeadline()).isEqualTo(DUE_BY);
        assertThat(escalated.newAnswerDueBy()).isEqualTo(breach.plus(Duration.ofDays(3)));
        assertThat(escalated.submitters()).containsExactly(Submitter.person("alice"));
        assertThat(idea.ownerId()).isEqualTo("maya");
        assertThat(idea.state()).isEqualTo(IdeaState.ASSIGNED);
        assertThat(idea.watchers()).containsExactly("lea");
        assertThat(idea.escalations()).isEqualTo(1);
        assertThat(idea.answerDueBy()).isEqualTo(breach.plus(Duration.ofDays(3)));
        assertThat(idea.history().getLast().what()).isEqualTo(Milestone.ESCALATED);
        assertThatExceptionOfType(IdeaActionRefused.class)
                .isThrownBy(() -> idea.escalate("lea", Duration.ofDays(3), at(breach.plusSeconds(60))));

        // half-time of the new, three-day deadline
        assertThat(idea.remindIfDue(BOTH, at(breach.plus(Duration.ofHours(36)))))
                .hasValueSatisfying(
                        reminder -> assertThat(reminder.answerDueBy()).isEqualTo(breach.plus(Duration.ofDays(3))));
    }

    @Test
    void anAnonymousIdeasDeadlineRunsFromTheStartOfTheDayToTheEndOfTheDaySoItTellsNoInstant() {
        Instant submitted = Instant.parse("2026-03-02T09:17:23.456Z");
        Idea idea = assigned(Submitter.anonymous(new SealedIdentity("k1", "c2VhbGVk")), submitted);
        Instant endOfDueDay = Instant.parse("2026-03-17T00:00:00Z");

        assertThat(idea.answerDueBy()).isEqualTo(endOfDueDay);
        assertThat(idea.deadline().startedAt()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(((IdeaAssigned) idea.outbox().getFirst()).answerDueBy()).isEqualTo(endOfDueDay);
        assertThat(idea.remindIfDue(BOTH, at(Instant.parse("2026-03-09T11:59:59Z"))))
                .isEmpty();
        assertThat(idea.remindIfDue(BOTH, at(Instant.parse("2026-03-09T12:00:00Z"))))
                .hasValueSatisfying(reminder -> assertThat(reminder.reminder()).isEqualTo(ReminderPoint.HALF_TIME));
        // a named idea keeps the deadline it was given
        assertThat(assigned(Submitter.person("alice"), submitted).answerDueBy())
                .isEqualTo(submitted.plus(Duration.ofDays(14)));
    }

    @Test
    void aDecidedIdeaIsNeitherRemindedNorEscalated() {
        Idea idea = assigned();
        idea.decline(org.suggestionbox.events.DeclineReason.NOT_FEASIBLE, "No", "maya", at(ASSIGNED_AT));

        assertThat(idea.remindIfDue(BOTH, at(DUE_BY.minusSeconds(60)))).isEmpty();
        assertThat(idea.isOverdue(DUE_BY.plusSeconds(60))).isFalse();
    }

    private static Idea assigned() {
        return assigned(Submitter.person("alice"), ASSIGNED_AT);
    }

    /** An idea by {@code submitter} that came and was routed at {@code at}, with 14 days to answer. */
    private static Idea assigned(Submitter submitter, Instant at) {
        Idea idea = Idea.submit(new IdeaSubmitted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                at,
                IdeaSubmitted.SCHEMA_VERSION,
                "Title",
                "Description",
                "customer-experience",
                SubmissionChannel.WEB,
                submitter,
                "Customer Service",
                "en",
                List.of()));
        idea.assign(
                new Owner("maya", "Maya Rosen"),
                "cx-owner",
                RoutedBecause.toOwner("cx-owner", List.of(), "Maya Rosen"),
                at.plus(Duration.ofDays(14)),
                at(at));
        return idea;
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
