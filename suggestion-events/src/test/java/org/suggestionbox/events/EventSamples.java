package org.suggestionbox.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Realistic instances of every event, as the services would produce them. */
final class EventSamples {

    static final UUID IDEA_ID = UUID.fromString("3f1c2a7e-8b4d-4e2a-9c61-0d5e7f9a1b23");
    static final UUID ORIGINAL_IDEA_ID = UUID.fromString("a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d");
    static final Instant SUBMITTED_AT = Instant.parse("2026-03-02T09:15:30.123Z");

    static final Submitter DANA = Submitter.person("dana.levi");
    static final Submitter ANONYMOUS =
            Submitter.anonymous(new SealedIdentity("k-2026-01", "q83vEjRWeJDEyMzQ1Njc4OTBhYmNkZWZnaGlqa2xtbm9w"));
    static final List<Submitter> SUBMITTERS = List.of(DANA, Submitter.person("omer.cohen"));

    private EventSamples() {}

    static IdeaSubmitted ideaSubmitted() {
        return new IdeaSubmitted(
                EventIds.derive("submitted", IDEA_ID),
                IDEA_ID,
                SUBMITTED_AT,
                IdeaSubmitted.SCHEMA_VERSION,
                "Self-service returns for small orders",
                "Let customers print a return label for orders under 50 EUR without calling support.",
                "customer-experience",
                SubmissionChannel.WEB,
                DANA,
                "Customer Support",
                "he",
                List.of("omer.cohen"));
    }

    static IdeaSubmitted anonymousIdeaSubmitted() {
        return new IdeaSubmitted(
                EventIds.derive("submitted", ORIGINAL_IDEA_ID),
                ORIGINAL_IDEA_ID,
                SUBMITTED_AT,
                IdeaSubmitted.SCHEMA_VERSION,
                "Quiet hours in the open space",
                "No meetings at the desks between 10 and 12.",
                "workplace",
                SubmissionChannel.SLACK,
                ANONYMOUS,
                null,
                null,
                List.of(),
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                Visibility.COMPANY);
    }

    static IdeaAssigned ideaAssigned() {
        return new IdeaAssigned(
                EventIds.derive("assigned", IDEA_ID),
                IDEA_ID,
                Instant.parse("2026-03-02T09:15:31Z"),
                IdeaAssigned.SCHEMA_VERSION,
                "Self-service returns for small orders",
                "customer-experience",
                SUBMITTERS,
                "noa.katz",
                "Noa Katz",
                "cx-default",
                "Category customer-experience is owned by the CX lead",
                Instant.parse("2026-03-16T09:15:31Z"));
    }

    static IdeaReassigned ideaReassigned() {
        return new IdeaReassigned(
                EventIds.derive("reassigned", IDEA_ID, 1),
                IDEA_ID,
                Instant.parse("2026-03-04T14:00:00Z"),
                IdeaReassigned.SCHEMA_VERSION,
                "Self-service returns for small orders",
                SUBMITTERS,
                "noa.katz",
                "yael.bar",
                "Yael Bar",
                "Yael owns the returns process",
                Instant.parse("2026-03-18T14:00:00Z"));
    }

    static IdeaDecided ideaExplored() {
        return new IdeaDecided(
                EventIds.derive("decided", IDEA_ID),
                IDEA_ID,
                Instant.parse("2026-03-10T11:20:00Z"),
                IdeaDecided.SCHEMA_VERSION,
                "Self-service returns for small orders",
                SUBMITTERS,
                "yael.bar",
                "Yael Bar",
                DecisionOutcome.EXPLORE,
                null,
                "Good catch, this costs us many calls.",
                "Pilot with the web shop team",
                LocalDate.of(2026, 5, 1));
    }

    static IdeaDecided ideaDeclined() {
        return new IdeaDecided(
                EventIds.derive("decided", ORIGINAL_IDEA_ID),
                ORIGINAL_IDEA_ID,
                Instant.parse("2026-03-11T08:00:00Z"),
                IdeaDecided.SCHEMA_VERSION,
                "Quiet hours in the open space",
                List.of(ANONYMOUS),
                "maya",
                "Maya Stern",
                DecisionOutcome.DECLINE,
                DeclineReason.ALREADY_PLANNED,
                "Focus rooms open on every floor in April.",
                null,
                null);
    }

    static IdeaStatusChanged ideaStatusChanged() {
        return new IdeaStatusChanged(
                EventIds.derive("status", IDEA_ID, ProgressStatus.IMPLEMENTED),
                IDEA_ID,
                Instant.parse("2026-06-01T10:00:00Z"),
                IdeaStatusChanged.SCHEMA_VERSION,
                "Self-service returns for small orders",
                SUBMITTERS,
                "yael.bar",
                ProgressStatus.IMPLEMENTED,
                "Support calls about returns dropped by a third.",
                List.of("lea", "piotr"),
                ESTIMATED,
                "Thank you both: this was the quickest win of the quarter.",
                Visibility.COMPANY_NAMED);
    }

    static final Impact ESTIMATED =
            new Impact("Fewer calls about returns", new BigDecimal("40"), "hours-saved-per-month");

    static ImpactCheckDue impactCheckDue() {
        return new ImpactCheckDue(
                EventIds.derive("impact-check", IDEA_ID, 30),
                IDEA_ID,
                Instant.parse("2026-07-01T10:00:00Z"),
                ImpactCheckDue.SCHEMA_VERSION,
                "Self-service returns for small orders",
                "yael.bar",
                30,
                ESTIMATED);
    }

    static IdeaImpactMeasured ideaImpactMeasured() {
        return new IdeaImpactMeasured(
                EventIds.derive("impact-measured", IDEA_ID, 30),
                IDEA_ID,
                Instant.parse("2026-07-02T08:30:00Z"),
                IdeaImpactMeasured.SCHEMA_VERSION,
                "Self-service returns for small orders",
                SUBMITTERS,
                List.of("lea", "piotr"),
                "yael.bar",
                30,
                new Impact(
                        "Return calls fell from 300 to 180 a month", new BigDecimal("52.5"), "hours-saved-per-month"),
                ESTIMATED,
                Visibility.COMPANY_NAMED);
    }

    static IdeaMergedAsDuplicate ideaMergedAsDuplicate() {
        return new IdeaMergedAsDuplicate(
                EventIds.derive("merged", IDEA_ID),
                IDEA_ID,
                Instant.parse("2026-03-03T07:45:00Z"),
                IdeaMergedAsDuplicate.SCHEMA_VERSION,
                "Return labels online",
                List.of(DANA, ANONYMOUS),
                "noa.katz",
                ORIGINAL_IDEA_ID,
                "Self-service returns for small orders");
    }

    static AnswerReminderDue answerReminderDue() {
        return new AnswerReminderDue(
                EventIds.derive("reminder", IDEA_ID, ReminderPoint.HALF_TIME),
                IDEA_ID,
                Instant.parse("2026-03-09T09:15:31Z"),
                AnswerReminderDue.SCHEMA_VERSION,
                "Self-service returns for small orders",
                "noa.katz",
                ReminderPoint.HALF_TIME,
                Instant.parse("2026-03-16T09:15:31Z"));
    }

    static AnswerEscalated answerEscalated() {
        return new AnswerEscalated(
                EventIds.derive("escalated", IDEA_ID),
                IDEA_ID,
                Instant.parse("2026-03-16T09:15:31Z"),
                AnswerEscalated.SCHEMA_VERSION,
                "Self-service returns for small orders",
                SUBMITTERS,
                "noa.katz",
                "maya",
                Instant.parse("2026-03-16T09:15:31Z"),
                Instant.parse("2026-03-23T09:15:31Z"));
    }

    static NotificationDelivered notificationDelivered() {
        UUID sourceEventId = ideaExplored().eventId();
        String ref = "r-7c2f9a4e";
        return new NotificationDelivered(
                EventIds.derive("delivered", sourceEventId, ref, DeliveryChannel.EMAIL),
                IDEA_ID,
                Instant.parse("2026-03-10T11:20:05Z"),
                NotificationDelivered.SCHEMA_VERSION,
                sourceEventId,
                "IdeaDecided",
                RecipientRole.SUBMITTER,
                ref,
                DeliveryChannel.EMAIL);
    }

    static NotificationFailed notificationFailed() {
        UUID sourceEventId = answerEscalated().eventId();
        String ref = "r-11d05b3c";
        return new NotificationFailed(
                EventIds.derive("failed", sourceEventId, ref, DeliveryChannel.SLACK),
                IDEA_ID,
                Instant.parse("2026-03-16T09:20:00Z"),
                NotificationFailed.SCHEMA_VERSION,
                sourceEventId,
                "AnswerEscalated",
                RecipientRole.MANAGER,
                ref,
                DeliveryChannel.SLACK,
                4,
                "Slack API answered 503 Service Unavailable");
    }

    /** One or more samples of every event record, covering both decision outcomes and an anonymous submitter. */
    static List<IdeaEvent> all() {
        return List.of(
                ideaSubmitted(),
                anonymousIdeaSubmitted(),
                ideaAssigned(),
                ideaReassigned(),
                ideaExplored(),
                ideaDeclined(),
                ideaStatusChanged(),
                ideaMergedAsDuplicate(),
                answerReminderDue(),
                answerEscalated(),
                impactCheckDue(),
                ideaImpactMeasured(),
                notificationDelivered(),
                notificationFailed());
    }
}
