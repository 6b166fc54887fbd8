package org.suggestionbox.router.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.AnswerEscalated;
import org.suggestionbox.events.AnswerReminderDue;
import org.suggestionbox.events.DecisionOutcome;
import org.suggestionbox.events.IdeaAssigned;
import org.suggestionbox.events.IdeaDecided;
import org.suggestionbox.events.IdeaImpactMeasured;
import org.suggestionbox.events.IdeaLifecycleEvent;
import org.suggestionbox.events.IdeaMergedAsDuplicate;
import org.suggestionbox.events.IdeaReassigned;
import org.suggestionbox.events.IdeaStatusChanged;
import org.suggestionbox.events.ImpactCheckDue;
import org.suggestionbox.events.ProgressStatus;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.router.idea.Decision;
import org.suggestionbox.router.idea.Idea;

/**
 * Keeps the dashboard's roll-ups in step with the router's own changes. The services call it right
 * after a change was saved, with the event the change caused; every counter update is idempotent by
 * that event id, so calling twice for one event counts once. A router that stops between the save and
 * this call misses one increment — the figures are for steering, the idea documents stay the record.
 * <p>
 * The outcome roll-ups (benefit, implementation rate) are set rather than incremented
 * ({@link OutcomeStore}): a decision sets its idea's month, an implementation its estimate, a
 * measurement its latest measured benefit, so they stay right however often and in whatever order
 * events are recorded again.
 */
@Component
public class DashboardRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardRecorder.class);

    private final DashboardStore store;
    private final BacklogStore backlog;
    private final OutcomeStore outcomes;
    private final Directory directory;

    DashboardRecorder(DashboardStore store, BacklogStore backlog, OutcomeStore outcomes, Directory directory) {
        this.store = store;
        this.backlog = backlog;
        this.outcomes = outcomes;
        this.directory = directory;
    }

    /** Counts the change to {@code idea} that caused {@code event}. Never fails the caller. */
    public void record(Idea idea, IdeaLifecycleEvent event) {
        try {
            DashboardStore.Changes changes = new DashboardStore.Changes();
            apply(idea, event, changes);
            store.apply(changes);
            outcomes.apply(changes.outcomes());
        } catch (RuntimeException ex) {
            LOG.warn(
                    "Dashboard roll-up for event {} of idea {} failed: {}",
                    event.eventId(),
                    idea.id(),
                    ex.getMessage());
        }
    }

    /**
     * Counts the events in the outboxes of {@code ideas}, just created together, and adds them to their owners'
     * backlog: one bulk write for the counters and the backlog, one for each further collection. Never fails
     * the caller.
     */
    public void recordCreated(List<Idea> ideas) {
        try {
            DashboardStore.Changes changes = new DashboardStore.Changes();
            List<BacklogEntry> added = new ArrayList<>(ideas.size());
            for (Idea idea : ideas) {
                for (IdeaLifecycleEvent event : idea.outbox()) {
                    apply(idea, event, changes);
                }
                BacklogEntry entry = BacklogEntry.of(idea);
                if (entry != null) {
                    added.add(entry);
                }
            }
            store.apply(changes, backlog.writes(added, List.of()));
            outcomes.apply(changes.outcomes());
        } catch (RuntimeException ex) {
            LOG.warn("Dashboard and backlog roll-ups for {} new ideas failed: {}", ideas.size(), ex.getMessage());
        }
    }

    /**
     * A stored change moved an idea in the backlog roll-up: {@code before} leaves it, {@code after} joins
     * it (either null: nothing). Call once per successful write. Never fails the caller.
     */
    public void backlogChanged(@Nullable BacklogEntry before, @Nullable BacklogEntry after) {
        if (Objects.equals(before, after)) {
            return;
        }
        try {
            backlog.apply(after == null ? List.of() : List.of(after), before == null ? List.of() : List.of(before));
        } catch (RuntimeException ex) {
            LOG.warn("Backlog roll-up of {} → {} failed: {}", before, after, ex.getMessage());
        }
    }

    /** The submitter was delivered the decision: counts it as answered on time or late. */
    public void answered(Idea idea, UUID deliveryEventId) {
        try {
            String answer = idea.answeredOnTime() ? "ON_TIME" : "LATE";
            store.increment(Metrics.ANSWERED, DashboardStore.ALL, answer, deliveryEventId);
        } catch (RuntimeException ex) {
            LOG.warn("Dashboard roll-up for the answer to idea {} failed: {}", idea.id(), ex.getMessage());
        }
    }

    private void apply(Idea idea, IdeaLifecycleEvent event, DashboardStore.Changes changes) {
        UUID eventId = event.eventId();
        switch (event) {
            case IdeaAssigned assigned -> {
                String week = isoWeek(idea.submittedAt());
                String department = departmentOf(idea);
                changes.increment(Metrics.SUBMITTED_BY_DEPARTMENT, week, department, eventId);
                changes.increment(
                        Metrics.SUBMITTED_BY_CHANNEL, week, idea.channel().name(), eventId);
                changes.increment(Metrics.IDEAS_BY_DEPARTMENT, DashboardStore.ALL, department, eventId);
                changes.increment(Metrics.FUNNEL, DashboardStore.ALL, Stage.SUBMITTED.name(), eventId);
                changes.increment(Metrics.FUNNEL, DashboardStore.ALL, Stage.ASSIGNED.name(), eventId);
                // Participation counts people, so an anonymous submitter is not counted here: the idea
                // still counts for the department above, but who sent it is sealed and cannot be told
                // apart from anyone else's anonymous idea.
                for (Submitter submitter : assigned.submitters()) {
                    String personId = submitter.personId();
                    if (personId != null) {
                        changes.participant(
                                directory.find(personId).map(Person::department).orElse(department), personId);
                    }
                }
            }
            case IdeaDecided decided -> {
                changes.increment(Metrics.FUNNEL, DashboardStore.ALL, Stage.DECIDED.name(), eventId);
                if (decided.outcome() == DecisionOutcome.EXPLORE) {
                    changes.increment(Metrics.FUNNEL, DashboardStore.ALL, Stage.EXPLORED.name(), eventId);
                } else if (decided.reasonCode() != null) {
                    changes.increment(
                            Metrics.DECLINE_REASONS,
                            DashboardStore.ALL,
                            decided.reasonCode().name(),
                            eventId);
                }
                decisionTime(idea, decided.occurredAt(), eventId, changes);
                changes.outcome(
                        new OutcomeStore.Decided(decided.ideaId(), departmentOf(idea), month(decided.occurredAt())));
            }
            case IdeaMergedAsDuplicate merged -> {
                changes.increment(Metrics.FUNNEL, DashboardStore.ALL, Stage.DECIDED.name(), eventId);
                decisionTime(idea, merged.occurredAt(), eventId, changes);
                changes.outcome(
                        new OutcomeStore.Decided(merged.ideaId(), departmentOf(idea), month(merged.occurredAt())));
            }
            case IdeaStatusChanged changed -> {
                if (changed.status() == ProgressStatus.IMPLEMENTED) {
                    changes.increment(Metrics.FUNNEL, DashboardStore.ALL, Stage.IMPLEMENTED.name(), eventId);
                    // counted in the month the idea was decided, so a month's rate is a share of its own
                    // decisions and never above 100 %
                    Decision decision = idea.decision();
                    changes.outcome(new OutcomeStore.Implemented(
                            changed.ideaId(),
                            departmentOf(idea),
                            decision == null ? null : month(decision.decidedAt()),
                            changed.impact(),
                            eventId));
                }
            }
            case AnswerEscalated escalated ->
                changes.increment(Metrics.DEADLINES, DashboardStore.ALL, "BREACHED", eventId);
            case IdeaReassigned reassigned -> {
                // the open backlog is read from the ideas themselves
            }
            case AnswerReminderDue reminder -> {
                // reminders are not a dashboard figure
            }
            case ImpactCheckDue check -> {
                // an impact check is a request to the owner, not a dashboard figure
            }
            case IdeaImpactMeasured measured ->
                changes.outcome(new OutcomeStore.Measured(
                        measured.ideaId(), departmentOf(idea), measured.measured(), measured.occurredAt(), eventId));
        }
    }

    private static void decisionTime(Idea idea, Instant decidedAt, UUID eventId, DashboardStore.Changes changes) {
        Duration took = Duration.between(idea.submittedAt(), decidedAt);
        changes.increment(
                Metrics.DECISION_HOURS,
                DashboardStore.ALL,
                DecisionTimeHistogram.bucketOf(took.isNegative() ? Duration.ZERO : took),
                eventId);
    }

    static String departmentOf(Idea idea) {
        @Nullable String department = idea.department();
        return department == null || department.isBlank() ? Dashboard.UNKNOWN_DEPARTMENT : department;
    }

    /** The ISO-8601 week of an instant in UTC, e.g. {@code 2026-W47}. */
    static String isoWeek(Instant instant) {
        var date = instant.atZone(ZoneOffset.UTC).toLocalDate();
        return String.format(
                "%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The month of an instant in UTC, e.g. {@code 2026-11}. */
    static String month(Instant instant) {
        return YearMonth.from(instant.atZone(ZoneOffset.UTC)).toString();
    }

    /** The steps of the funnel. */
    enum Stage {
        SUBMITTED,
        ASSIGNED,
        DECIDED,
        EXPLORED,
        IMPLEMENTED
    }

    /** Counter names. */
    static final class Metrics {
        static final String SUBMITTED_BY_DEPARTMENT = "submitted.department";
        static final String SUBMITTED_BY_CHANNEL = "submitted.channel";
        static final String IDEAS_BY_DEPARTMENT = "ideas.department";
        static final String FUNNEL = "funnel";
        static final String DECLINE_REASONS = "decline.reasons";
        static final String DECISION_HOURS = "decision.hours";
        static final String ANSWERED = "answered";
        static final String DEADLINES = "deadlines";

        private Metrics() {}
    }
}
