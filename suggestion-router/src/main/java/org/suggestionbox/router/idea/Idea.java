package org.suggestionbox.router.idea;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.suggestionbox.events.AnswerEscalated;
import org.suggestionbox.events.AnswerReminderDue;
import org.suggestionbox.events.DecisionOutcome;
import org.suggestionbox.events.DeclineReason;
import org.suggestionbox.events.EventIds;
import org.suggestionbox.events.IdeaAssigned;
import org.suggestionbox.events.IdeaDecided;
import org.suggestionbox.events.IdeaLifecycleEvent;
import org.suggestionbox.events.IdeaMergedAsDuplicate;
import org.suggestionbox.events.IdeaReassigned;
import org.suggestionbox.events.IdeaStatusChanged;
import org.suggestionbox.events.IdeaSubmitted;
import org.suggestionbox.events.ProgressStatus;
import org.suggestionbox.events.ReminderPoint;
import org.suggestionbox.events.SubmissionChannel;
import org.suggestionbox.events.Submitter;

/**
 * An employee's idea and everything that happened to it. The aggregate guards its own transitions:
 * every action checks the current state, throws {@link IllegalTransitionException} when the state
 * does not allow it, appends a history entry, and records the lifecycle event it caused in
 * {@link #outbox()} — so that the state change and the event are stored in one document write.
 * <p>
 * For an anonymous idea the only trace of the submitter is the sealed identity intake made; not even
 * the submitter's language is kept.
 * <p>
 * Event ids are derived from the idea id, the event type and the length of the history at the time,
 * so a step retried from the same stored version re-creates the same event, never a second one.
 */
public class Idea {

    /** How many processed event ids an idea remembers for de-duplication. */
    static final int PROCESSED_EVENT_IDS_KEPT = 50;

    private static final Set<IdeaState> REASSIGNABLE = IdeaState.UNDECIDED;
    private static final Set<IdeaState> SHELVABLE = EnumSet.of(IdeaState.EXPLORING, IdeaState.IN_PROGRESS);

    private UUID id;
    private long version;
    private IdeaState state;
    private String title;
    private String description;
    private String category;
    private SubmissionChannel channel;
    private List<Submitter> submitters;
    private @Nullable String department;
    private @Nullable String trackingTokenHash;
    private Instant submittedAt;
    private @Nullable String ownerId;
    private @Nullable String ownerName;
    private @Nullable String ruleId;
    private @Nullable String routedBecause;
    private @Nullable RoutedBecause routing;
    private @Nullable Instant answerDueBy;
    private boolean answered;
    private @Nullable Instant answeredAt;
    private @Nullable Decision decision;
    private @Nullable ProgressStatus progress;
    private @Nullable String progressNote;
    private @Nullable UUID mergedInto;
    private @Nullable Instant deadlineStartedAt;
    private @Nullable List<SentReminder> remindersSent;
    private @Nullable List<String> watchers;
    private int escalations;
    private List<HistoryEntry> history;
    private List<UUID> processedEventIds;
    private List<IdeaLifecycleEvent> outbox;

    @SuppressWarnings("NullAway.Init")
    private Idea() {
        // for the document mapper
    }

    private Idea(IdeaSubmitted submitted) {
        this.id = submitted.ideaId();
        this.version = 0;
        this.state = IdeaState.SUBMITTED;
        this.title = submitted.title();
        this.description = submitted.description();
        this.category = submitted.category();
        this.channel = submitted.channel();
        List<Submitter> all = new ArrayList<>();
        all.add(submitted.submitter());
        submitted.coSubmitterIds().stream()
                .filter(coSubmitter -> !coSubmitter.equals(submitted.submitter().personId()))
                .distinct()
                .map(Submitter::person)
                .forEach(all::add);
        this.submitters = all;
        this.department = submitted.department();
        this.trackingTokenHash = submitted.trackingTokenHash();
        this.submittedAt = submitted.occurredAt();
        this.answered = false;
        this.history = new ArrayList<>();
        this.processedEventIds = new ArrayList<>();
        this.outbox = new ArrayList<>();
        this.history.add(new HistoryEntry(submitted.occurredAt(), submitted.submitter().personId(),
                Milestone.SUBMITTED, null));
        this.processedEventIds.add(submitted.eventId());
    }

    /** A newly submitted idea, not yet routed. */
    public static Idea submit(IdeaSubmitted submitted) {
        return new Idea(submitted);
    }

    /** Gives the idea its owner and answer deadline: {@code SUBMITTED → ASSIGNED}, emits {@link IdeaAssigned}. */
    public IdeaAssigned assign(Owner owner, String ruleId, RoutedBecause because, Instant dueBy, Clock clock) {
        require(IdeaAction.ASSIGN, state == IdeaState.SUBMITTED);
        Instant now = clock.instant();
        String explanation = because.inEnglish();
        this.ownerId = owner.id();
        this.ownerName = owner.name();
        this.ruleId = ruleId;
        this.routedBecause = explanation;
        this.routing = because;
        this.answerDueBy = dueBy;
        this.deadlineStartedAt = now;
        IdeaAssigned event = new IdeaAssigned(nextEventId("IdeaAssigned"), id, now, IdeaAssigned.SCHEMA_VERSION,
                title, category, submitters, owner.id(), owner.name(), ruleId, explanation, dueBy);
        moveTo(IdeaState.ASSIGNED, new HistoryEntry(now, null, Milestone.ASSIGNED, explanation), event);
        return event;
    }

    /** The owner picked the idea up: {@code ASSIGNED → UNDER_REVIEW}. No event leaves for this. */
    public void startReview(String by, Clock clock) {
        require(IdeaAction.START_REVIEW, state == IdeaState.ASSIGNED);
        moveTo(IdeaState.UNDER_REVIEW, new HistoryEntry(clock.instant(), by, Milestone.REVIEW_STARTED, null), null);
    }

    /**
     * The owner will explore the idea: {@code ASSIGNED | UNDER_REVIEW → EXPLORING}, emits {@link IdeaDecided}.
     * A next step and an expected date after today are required.
     */
    public IdeaDecided explore(@Nullable String nextStep, @Nullable LocalDate expectedBy, @Nullable String explanation,
            String by, Clock clock) {
        require(IdeaAction.EXPLORE, state.isUndecided());
        List<IncompleteDecisionException.Violation> violations = new ArrayList<>(
                exploreViolations(nextStep, expectedBy, clock));
        violations.addAll(TextLimits.violations("explanation", explanation));
        if (!violations.isEmpty()) {
            throw new IncompleteDecisionException(violations);
        }
        String text = explanation == null || explanation.isBlank() ? Objects.requireNonNull(nextStep) : explanation.strip();
        return decide(new Decision(DecisionOutcome.EXPLORE, null, text, Objects.requireNonNull(nextStep).strip(),
                expectedBy, by, clock.instant()), IdeaState.EXPLORING, Milestone.EXPLORING);
    }

    /**
     * The owner declines the idea: {@code ASSIGNED | UNDER_REVIEW → DECLINED}, emits {@link IdeaDecided}.
     * A reason code and a written explanation are required.
     */
    public IdeaDecided decline(@Nullable DeclineReason reasonCode, @Nullable String explanation, String by, Clock clock) {
        require(IdeaAction.DECLINE, state.isUndecided());
        List<IncompleteDecisionException.Violation> violations = declineViolations(reasonCode, explanation);
        if (!violations.isEmpty()) {
            throw new IncompleteDecisionException(violations);
        }
        return decide(new Decision(DecisionOutcome.DECLINE, reasonCode, Objects.requireNonNull(explanation).strip(),
                null, null, by, clock.instant()), IdeaState.DECLINED, Milestone.DECLINED);
    }

    /** What a decline lacks: a reason code, a non-blank explanation. */
    public static List<IncompleteDecisionException.Violation> declineViolations(@Nullable DeclineReason reasonCode,
            @Nullable String explanation) {
        List<IncompleteDecisionException.Violation> violations = new ArrayList<>();
        if (reasonCode == null) {
            violations.add(new IncompleteDecisionException.Violation("reasonCode", "A decline needs a reason code."));
        }
        if (explanation == null || explanation.isBlank()) {
            violations.add(new IncompleteDecisionException.Violation("explanation",
                    "A decline needs a written explanation."));
        }
        violations.addAll(TextLimits.violations("explanation", explanation));
        return violations;
    }

    /** What an exploration lacks: a next step, an expected date after today. */
    public static List<IncompleteDecisionException.Violation> exploreViolations(@Nullable String nextStep,
            @Nullable LocalDate expectedBy, Clock clock) {
        List<IncompleteDecisionException.Violation> violations = new ArrayList<>();
        if (nextStep == null || nextStep.isBlank()) {
            violations.add(new IncompleteDecisionException.Violation("nextStep", "Exploring needs a next step."));
        }
        violations.addAll(TextLimits.violations("nextStep", nextStep));
        if (expectedBy == null) {
            violations.add(new IncompleteDecisionException.Violation("expectedBy", "Exploring needs an expected date."));
        }
        else if (!expectedBy.isAfter(LocalDate.now(clock))) {
            violations.add(new IncompleteDecisionException.Violation("expectedBy",
                    "The expected date must be in the future."));
        }
        return violations;
    }

    /**
     * The idea duplicates an earlier one: {@code ASSIGNED | UNDER_REVIEW → MERGED}, emits
     * {@link IdeaMergedAsDuplicate}.
     */
    public IdeaMergedAsDuplicate mergeInto(UUID originalId, String originalTitle, String by, Clock clock) {
        return mergeInto(originalId, originalTitle, null, by, clock);
    }

    /** As {@link #mergeInto(UUID, String, String, Clock)}, with the owner's note kept in the history. */
    public IdeaMergedAsDuplicate mergeInto(UUID originalId, String originalTitle, @Nullable String note, String by,
            Clock clock) {
        require(IdeaAction.MERGE, canMergeInto(originalId));
        TextLimits.require("note", note);
        Instant now = clock.instant();
        this.mergedInto = originalId;
        IdeaMergedAsDuplicate event = new IdeaMergedAsDuplicate(nextEventId("IdeaMergedAsDuplicate"), id, now,
                IdeaMergedAsDuplicate.SCHEMA_VERSION, title, submitters, currentOwnerId(), originalId, originalTitle);
        String why = note == null || note.isBlank() ? originalTitle : originalTitle + " — " + note.strip();
        moveTo(IdeaState.MERGED, new HistoryEntry(now, by, Milestone.MERGED, why), event);
        return event;
    }

    /** Whether this idea may be merged into {@code originalId} now. */
    public boolean canMergeInto(UUID originalId) {
        return state.isUndecided() && !originalId.equals(id);
    }

    /**
     * Moves an undecided idea to another owner; the state stays, the deadline moves. Emits
     * {@link IdeaReassigned}.
     */
    public IdeaReassigned reassign(Owner newOwner, String note, Instant newDueBy, String by, Clock clock) {
        require(IdeaAction.REASSIGN, REASSIGNABLE.contains(state) && !newOwner.id().equals(ownerId));
        TextLimits.require("note", note);
        Instant now = clock.instant();
        String previousOwnerId = currentOwnerId();
        this.ownerId = newOwner.id();
        this.ownerName = newOwner.name();
        this.answerDueBy = newDueBy;
        this.deadlineStartedAt = now;
        IdeaReassigned event = new IdeaReassigned(nextEventId("IdeaReassigned"), id, now, IdeaReassigned.SCHEMA_VERSION,
                title, submitters, previousOwnerId, newOwner.id(), newOwner.name(), note, newDueBy);
        moveTo(state, new HistoryEntry(now, by, Milestone.REASSIGNED, note), event);
        return event;
    }

    /**
     * The reminder the owner is due now, if any: the latest of {@code points} that has come for the
     * current deadline and was not sent yet. Points passed together (the watchdog was down, or the
     * deadline is short) are all marked sent and only the most urgent is announced, so an owner is
     * never sent a burst of reminders. Nothing once the deadline passed — that is an escalation.
     * The event id is derived from the idea, the point and the deadline, so a retry cannot make a
     * second reminder for the same point of the same deadline.
     */
    public Optional<AnswerReminderDue> remindIfDue(List<ReminderPoint> points, Clock clock) {
        Instant now = clock.instant();
        Instant dueBy = answerDueBy;
        if (!state.isUndecided() || dueBy == null || !now.isBefore(dueBy)) {
            return Optional.empty();
        }
        Instant start = deadlineStartedAt == null ? submittedAt : deadlineStartedAt;
        List<SentReminder> sent = sentReminders();
        List<ReminderPoint> due = points.stream()
                .filter(point -> !reminderAt(point, start, dueBy).isAfter(now))
                .filter(point -> sent.stream().noneMatch(reminder -> reminder.point() == point
                        && reminder.forDeadline().equals(dueBy)))
                .distinct()
                .sorted(java.util.Comparator.comparing(point -> reminderAt(point, start, dueBy)))
                .toList();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        due.forEach(point -> sent.add(new SentReminder(point, dueBy, now)));
        ReminderPoint latest = due.getLast();
        AnswerReminderDue event = new AnswerReminderDue(EventIds.derive(id, "AnswerReminderDue", latest, dueBy), id,
                now, AnswerReminderDue.SCHEMA_VERSION, title, currentOwnerId(), latest, dueBy);
        outbox.add(event);
        return Optional.of(event);
    }

    /** When a reminder point comes for a deadline that started at {@code start}. */
    public static Instant reminderAt(ReminderPoint point, Instant start, Instant dueBy) {
        return switch (point) {
            case HALF_TIME -> start.plus(Duration.between(start, dueBy).dividedBy(2));
            case ONE_DAY_BEFORE -> dueBy.minus(Duration.ofDays(1));
        };
    }

    /** Undecided and its answer deadline has come. */
    public boolean isBreached(Instant now) {
        return state.isUndecided() && answerDueBy != null && !now.isBefore(answerDueBy);
    }

    /**
     * The deadline passed without a decision: the owner keeps the idea, {@code escalatedToId} (the
     * owner's manager, or triage) watches it from now on, and the owner gets {@code extension} more.
     * Emits {@link AnswerEscalated}, which also tells the submitters by when to expect an answer now.
     * Its id is derived from the missed deadline, so one breach is escalated once.
     */
    public AnswerEscalated escalate(String escalatedToId, Duration extension, Clock clock) {
        Instant now = clock.instant();
        require(IdeaAction.ESCALATE, isBreached(now));
        Instant missed = Objects.requireNonNull(answerDueBy);
        // to the millisecond, as the document stores it, so the event and the stored idea agree
        Instant newDueBy = now.plus(extension).truncatedTo(ChronoUnit.MILLIS);
        this.answerDueBy = newDueBy;
        this.deadlineStartedAt = now;
        this.escalations++;
        if (watchers == null) {
            watchers = new ArrayList<>();
        }
        if (!watchers.contains(escalatedToId)) {
            watchers.add(escalatedToId);
        }
        AnswerEscalated event = new AnswerEscalated(EventIds.derive(id, "AnswerEscalated", missed), id, now,
                AnswerEscalated.SCHEMA_VERSION, title, submitters, currentOwnerId(), escalatedToId, missed, newDueBy);
        moveTo(state, new HistoryEntry(now, null, Milestone.ESCALATED, escalatedToId), event);
        return event;
    }

    /** Work on an explored idea started: {@code EXPLORING → IN_PROGRESS}, emits {@link IdeaStatusChanged}. */
    public IdeaStatusChanged startProgress(String note, String by, Clock clock) {
        require(IdeaAction.START_PROGRESS, state == IdeaState.EXPLORING);
        return progress(ProgressStatus.IN_PROGRESS, IdeaState.IN_PROGRESS, Milestone.IN_PROGRESS, note, by, clock);
    }

    /** The idea was implemented: {@code IN_PROGRESS → IMPLEMENTED}; the note describes its impact. */
    public IdeaStatusChanged implement(String impactNote, String by, Clock clock) {
        require(IdeaAction.IMPLEMENT, state == IdeaState.IN_PROGRESS);
        return progress(ProgressStatus.IMPLEMENTED, IdeaState.IMPLEMENTED, Milestone.IMPLEMENTED, impactNote, by, clock);
    }

    /** The idea was put aside: {@code EXPLORING | IN_PROGRESS → SHELVED}; the note says why. */
    public IdeaStatusChanged shelve(String reason, String by, Clock clock) {
        require(IdeaAction.SHELVE, SHELVABLE.contains(state));
        return progress(ProgressStatus.SHELVED, IdeaState.SHELVED, Milestone.SHELVED, reason, by, clock);
    }

    /**
     * The submitter was delivered the decision. Returns false when the idea was already answered, so a
     * redelivered proof changes nothing.
     */
    public boolean markAnswered(Instant deliveredAt) {
        require(IdeaAction.MARK_ANSWERED, state.isDecided());
        if (answered) {
            return false;
        }
        this.answered = true;
        this.answeredAt = deliveredAt;
        history.add(new HistoryEntry(deliveredAt, null, Milestone.ANSWERED, null));
        return true;
    }

    /** Remembers an incoming event as handled; returns false when it was handled before. */
    public boolean recordProcessed(UUID eventId) {
        if (processedEventIds.contains(eventId)) {
            return false;
        }
        processedEventIds.add(eventId);
        while (processedEventIds.size() > PROCESSED_EVENT_IDS_KEPT) {
            processedEventIds.remove(0);
        }
        return true;
    }

    public boolean hasProcessed(UUID eventId) {
        return processedEventIds.contains(eventId);
    }

    private IdeaDecided decide(Decision decided, IdeaState target, Milestone milestone) {
        this.decision = decided;
        IdeaDecided event = new IdeaDecided(nextEventId("IdeaDecided"), id, decided.decidedAt(),
                IdeaDecided.SCHEMA_VERSION, title, submitters, currentOwnerId(), ownerName == null ? "" : ownerName,
                decided.outcome(), decided.reasonCode(), decided.explanation(), decided.nextStep(),
                decided.expectedBy());
        String why = decided.reasonCode() == null ? decided.explanation()
                : decided.reasonCode() + ": " + decided.explanation();
        moveTo(target, new HistoryEntry(decided.decidedAt(), decided.decidedBy(), milestone, why), event);
        return event;
    }

    private IdeaStatusChanged progress(ProgressStatus status, IdeaState target, Milestone milestone, String note,
            String by, Clock clock) {
        TextLimits.require("note", note);
        Instant now = clock.instant();
        this.progress = status;
        this.progressNote = note;
        IdeaStatusChanged event = new IdeaStatusChanged(nextEventId("IdeaStatusChanged"), id, now,
                IdeaStatusChanged.SCHEMA_VERSION, title, submitters, currentOwnerId(), status, note);
        moveTo(target, new HistoryEntry(now, by, milestone, note), event);
        return event;
    }

    private void moveTo(IdeaState target, HistoryEntry entry, @Nullable IdeaLifecycleEvent event) {
        this.state = target;
        history.add(entry);
        if (event != null) {
            outbox.add(event);
        }
    }

    private UUID nextEventId(String type) {
        return EventIds.derive(id, type, history.size());
    }

    private void require(IdeaAction action, boolean allowed) {
        if (!allowed) {
            throw new IllegalTransitionException(id, state, action);
        }
    }

    private String currentOwnerId() {
        return ownerId == null ? "" : ownerId;
    }

    public boolean isAnonymous() {
        return submitters.stream().anyMatch(Submitter::isAnonymous);
    }

    /** Whether {@code personId} is a named submitter or co-submitter of this idea. */
    public boolean isSubmittedBy(String personId) {
        return submitters.stream().anyMatch(submitter -> personId.equals(submitter.personId()));
    }

    public boolean isOwnedBy(String personId) {
        return personId.equals(ownerId);
    }

    /** Undecided and past its answer deadline. */
    public boolean isOverdue(Instant now) {
        return state.isUndecided() && answerDueBy != null && answerDueBy.isBefore(now);
    }

    public UUID id() {
        return id;
    }

    public long version() {
        return version;
    }

    public IdeaState state() {
        return state;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public String category() {
        return category;
    }

    public SubmissionChannel channel() {
        return channel;
    }

    public List<Submitter> submitters() {
        return List.copyOf(submitters);
    }

    public @Nullable String department() {
        return department;
    }

    /**
     * For an anonymous idea, the SHA-256 of its private tracking link's token: the router can find the idea
     * by the link, never learn who holds it.
     */
    public @Nullable String trackingTokenHash() {
        return trackingTokenHash;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public @Nullable String ownerId() {
        return ownerId;
    }

    public @Nullable String ownerName() {
        return ownerName;
    }

    public @Nullable String ruleId() {
        return ruleId;
    }

    public @Nullable String routedBecause() {
        return routedBecause;
    }

    /** {@link #routedBecause()} in parts; null for an idea routed before they were kept. */
    public @Nullable RoutedBecause routing() {
        return routing;
    }

    public @Nullable Instant answerDueBy() {
        return answerDueBy;
    }

    public boolean answered() {
        return answered;
    }

    public @Nullable Instant answeredAt() {
        return answeredAt;
    }

    public @Nullable Decision decision() {
        return decision;
    }

    public @Nullable ProgressStatus progress() {
        return progress;
    }

    public @Nullable String progressNote() {
        return progressNote;
    }

    public @Nullable UUID mergedInto() {
        return mergedInto;
    }

    public @Nullable Instant deadlineStartedAt() {
        return deadlineStartedAt;
    }

    /** Reminders sent to the owner, each for the deadline it was about. */
    public List<SentReminder> remindersSent() {
        return remindersSent == null ? List.of() : List.copyOf(remindersSent);
    }

    /** People following the idea besides owner and submitters, e.g. whom it was escalated to. */
    public List<String> watchers() {
        return watchers == null ? List.of() : List.copyOf(watchers);
    }

    /** How often the idea's answer deadline was missed. */
    public int escalations() {
        return escalations;
    }

    private List<SentReminder> sentReminders() {
        if (remindersSent == null) {
            remindersSent = new ArrayList<>();
        }
        return remindersSent;
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }

    public List<UUID> processedEventIds() {
        return List.copyOf(processedEventIds);
    }

    /** The lifecycle events caused by changes and not yet relayed to Kafka. */
    public List<IdeaLifecycleEvent> outbox() {
        return List.copyOf(outbox);
    }
}
