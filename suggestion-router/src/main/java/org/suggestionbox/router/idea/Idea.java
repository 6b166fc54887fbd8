package org.suggestionbox.router.idea;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.events.AnswerEscalated;
import org.suggestionbox.events.AnswerReminderDue;
import org.suggestionbox.events.DecisionOutcome;
import org.suggestionbox.events.DeclineReason;
import org.suggestionbox.events.EventIds;
import org.suggestionbox.events.IdeaAssigned;
import org.suggestionbox.events.IdeaDecided;
import org.suggestionbox.events.IdeaImpactMeasured;
import org.suggestionbox.events.IdeaLifecycleEvent;
import org.suggestionbox.events.IdeaMergedAsDuplicate;
import org.suggestionbox.events.IdeaReassigned;
import org.suggestionbox.events.IdeaStatusChanged;
import org.suggestionbox.events.IdeaSubmitted;
import org.suggestionbox.events.Impact;
import org.suggestionbox.events.ImpactCheckDue;
import org.suggestionbox.events.ProgressStatus;
import org.suggestionbox.events.ReminderPoint;
import org.suggestionbox.events.SubmissionChannel;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.events.Visibility;

/**
 * An employee's idea and everything that happened to it. The aggregate is the one place that says
 * what may happen: every action asks {@link IdeaState#allows(IdeaAction)}, checks what it was given,
 * and refuses with {@link IdeaActionRefused}; otherwise it moves the state, appends a history entry
 * and records the lifecycle event it caused in {@link #outbox()} — so that the state change and the
 * event are stored in one document write.
 * <p>
 * What the idea is (title, text, category, channel, submitters) is fixed at submission; what happened
 * to it is kept once each, in values: its {@link Assignment}, {@link Deadline}, {@link Decision},
 * {@link Progress} and when it was answered.
 * <p>
 * For an anonymous idea the only trace of the submitter is the sealed identity intake made; not even
 * the submitter's language is kept. Nor is the instant it came shown to anyone: matched with a request log,
 * it would name who sent a request at that moment. Its submission and routing are shown by the day
 * ({@link #shownSubmittedAt()}, {@link #shownAt(HistoryEntry)}), and its first answer deadline runs from the
 * start of the day it was routed to the end of the day it falls on, so that neither the deadline nor the
 * reminders and escalations that follow from it tell the instant either.
 * <p>
 * Event ids are derived from the idea id, the event type and the length of the history at the time,
 * so a step retried from the same stored version re-creates the same event, never a second one.
 * <p>
 * Nothing an idea keeps grows without a limit, and each limit is refused like any other rule, naming it:
 * texts of at most {@link TextLimits#TEXT} characters, at most {@link Audience#MAX_SUPPORTERS} supporters,
 * {@link #MAX_SUBMITTERS} submitters (both travel on every event), {@link #MAX_REASSIGNMENTS} hand-overs and
 * {@link Implementation#MAX_MEASUREMENTS} measured benefits (each with a history entry), and the last
 * {@link #PROCESSED_EVENT_IDS_KEPT} processed event ids. An idea at every limit, with every text at its
 * longest, is a document of under 2 MB (MongoDB takes 16 MB) besides the events waiting in its outbox, and
 * its largest event, with all supporters and submitters, about 0.8 MB (Kafka takes 1 MB). Only escalations
 * have no count of their own: one a missed deadline, at most one every few days, each a few hundred bytes.
 */
public final class Idea {

    /** How many processed event ids an idea remembers for de-duplication. */
    static final int PROCESSED_EVENT_IDS_KEPT = 50;

    /**
     * The most submitters an idea keeps: the submitter, up to 20 co-submitters from intake, and those of the
     * duplicates merged into it. Every lifecycle event carries them all, and 100 of the largest (a sealed
     * identity, about 2 KB) with {@link Audience#MAX_SUPPORTERS} supporters still leave an event under 1 MB.
     */
    public static final int MAX_SUBMITTERS = 100;

    /**
     * How often people may hand an idea on ({@link #reassign}): each hand-over keeps a note of up to
     * {@link TextLimits#TEXT} characters in the history. Moving an idea whose owner left ({@link #reroute}) is
     * never refused and counts too.
     */
    public static final int MAX_REASSIGNMENTS = 10;

    private final IdeaId id;
    private final long version;
    private final String title;
    private final String description;
    private final String category;
    private final SubmissionChannel channel;
    private final List<Submitter> submitters;
    private final @Nullable String department;
    private final @Nullable String trackingTokenHash;
    private final Instant submittedAt;

    private IdeaState state;
    private @Nullable Assignment assignment;
    private @Nullable Deadline deadline;
    private @Nullable Decision decision;
    private @Nullable Progress progress;
    private @Nullable IdeaId mergedInto;
    private @Nullable Instant answeredAt;
    private Audience audience;
    private int escalations;
    private final List<SentReminder> remindersSent;
    private final List<String> watchers;
    private final List<HistoryEntry> history;
    private final List<UUID> processedEventIds;
    private final List<IdeaLifecycleEvent> outbox;

    private Idea(
            IdeaId id,
            long version,
            Submission submission,
            IdeaState state,
            @Nullable Assignment assignment,
            @Nullable Deadline deadline,
            @Nullable Decision decision,
            @Nullable Progress progress,
            @Nullable IdeaId mergedInto,
            @Nullable Instant answeredAt,
            Chase chase,
            List<HistoryEntry> history,
            List<UUID> processedEventIds,
            List<IdeaLifecycleEvent> outbox,
            Audience audience) {
        this.id = id;
        this.version = version;
        this.title = submission.title();
        this.description = submission.description();
        this.category = submission.category();
        this.channel = submission.channel();
        this.submitters = new ArrayList<>(submission.submitters());
        this.department = submission.department();
        this.trackingTokenHash = submission.trackingTokenHash();
        this.submittedAt = submission.submittedAt();
        this.state = state;
        this.assignment = assignment;
        this.deadline = deadline;
        this.decision = decision;
        this.progress = progress;
        this.mergedInto = mergedInto;
        this.answeredAt = answeredAt;
        this.escalations = chase.escalations();
        this.remindersSent = new ArrayList<>(chase.remindersSent());
        this.watchers = new ArrayList<>(chase.watchers());
        this.history = new ArrayList<>(history);
        this.processedEventIds = new ArrayList<>(processedEventIds);
        this.outbox = new ArrayList<>(outbox);
        this.audience = audience;
    }

    /** A newly submitted idea, not yet routed. */
    public static Idea submit(IdeaSubmitted submitted) {
        List<Submitter> all = new ArrayList<>();
        all.add(submitted.submitter());
        submitted.coSubmitterIds().stream()
                .filter(coSubmitter -> !coSubmitter.equals(submitted.submitter().personId()))
                .distinct()
                .map(Submitter::person)
                .forEach(all::add);
        Submission submission = new Submission(
                submitted.title(),
                submitted.description(),
                submitted.category(),
                submitted.channel(),
                all,
                submitted.department(),
                submitted.trackingTokenHash(),
                submitted.occurredAt());
        HistoryEntry first =
                new HistoryEntry(submitted.occurredAt(), submitted.submitter().personId(), Milestone.SUBMITTED, null);
        return new Idea(
                new IdeaId(submitted.ideaId()),
                0,
                submission,
                IdeaState.SUBMITTED,
                null,
                null,
                null,
                null,
                null,
                null,
                Chase.NONE,
                List.of(first),
                List.of(submitted.eventId()),
                List.of(),
                Audience.of(submitted.effectiveVisibility()));
    }

    /**
     * An idea as it was stored, for the store to give back; {@code version} is the stored version a save
     * must still find.
     */
    public static Idea restore(
            IdeaId id,
            long version,
            Submission submission,
            IdeaState state,
            @Nullable Assignment assignment,
            @Nullable Deadline deadline,
            @Nullable Decision decision,
            @Nullable Progress progress,
            @Nullable IdeaId mergedInto,
            @Nullable Instant answeredAt,
            Chase chase,
            List<HistoryEntry> history,
            List<UUID> processedEventIds,
            List<IdeaLifecycleEvent> outbox,
            Audience audience) {
        return new Idea(
                id,
                version,
                submission,
                state,
                assignment,
                deadline,
                decision,
                progress,
                mergedInto,
                answeredAt,
                chase,
                history,
                processedEventIds,
                outbox,
                audience);
    }

    /** What intake sent: fixed once the idea exists (a merge adds submitters, in the store). */
    public record Submission(
            String title,
            String description,
            String category,
            SubmissionChannel channel,
            List<Submitter> submitters,
            @Nullable String department,
            @Nullable String trackingTokenHash,
            Instant submittedAt) {

        public Submission {
            submitters = List.copyOf(submitters);
        }
    }

    /**
     * How the idea was chased: reminders sent (each for the deadline it was about), who watches it since
     * an escalation, and how often its deadline was missed.
     */
    public record Chase(List<SentReminder> remindersSent, List<String> watchers, int escalations) {

        static final Chase NONE = new Chase(List.of(), List.of(), 0);

        public Chase {
            remindersSent = List.copyOf(remindersSent);
            watchers = List.copyOf(watchers);
        }
    }

    /**
     * Gives the idea its owner and answer deadline: {@code SUBMITTED → ASSIGNED}, emits {@link IdeaAssigned}.
     * For an anonymous idea the deadline runs from the start of today (UTC) to the end of the day
     * {@code requestedDueBy} falls on: the owner gets up to a day more, and the deadline says nothing of the instant
     * the idea came.
     */
    public IdeaAssigned assign(Owner owner, String ruleId, RoutedBecause because, Instant requestedDueBy, Clock clock) {
        require(IdeaAction.ASSIGN);
        Instant now = clock.instant();
        Instant dueBy = isAnonymous() ? endOfDay(requestedDueBy) : requestedDueBy;
        String explanation = because.inEnglish();
        this.assignment = new Assignment(owner, ruleId, because);
        this.deadline = new Deadline(dueBy, isAnonymous() ? startOfDay(now) : now);
        IdeaAssigned event = new IdeaAssigned(
                nextEventId("IdeaAssigned"),
                id.value(),
                now,
                IdeaAssigned.SCHEMA_VERSION,
                title,
                category,
                submitters,
                owner.id(),
                owner.name(),
                ruleId,
                explanation,
                dueBy);
        moveTo(IdeaState.ASSIGNED, new HistoryEntry(now, null, Milestone.ASSIGNED, explanation), event);
        return event;
    }

    /** The owner picked the idea up: {@code ASSIGNED → UNDER_REVIEW}. No event leaves for this. */
    public void startReview(String by, Clock clock) {
        require(IdeaAction.START_REVIEW);
        moveTo(IdeaState.UNDER_REVIEW, new HistoryEntry(clock.instant(), by, Milestone.REVIEW_STARTED, null), null);
    }

    /**
     * The owner decides: {@link #explore} or {@link #decline} by {@code outcome}, refused when there is
     * none.
     */
    public IdeaDecided decide(
            @Nullable DecisionOutcome outcome,
            @Nullable DeclineReason reasonCode,
            @Nullable String explanation,
            @Nullable String nextStep,
            @Nullable LocalDate expectedBy,
            String by,
            Clock clock) {
        return switch (outcome) {
            case EXPLORE -> explore(nextStep, expectedBy, explanation, by, clock);
            case DECLINE -> decline(reasonCode, explanation, by, clock);
            case null -> {
                require(IdeaAction.EXPLORE);
                throw incomplete(IdeaAction.EXPLORE, List.of(new Violation("outcome", "Choose EXPLORE or DECLINE.")));
            }
        };
    }

    /**
     * The owner will explore the idea: {@code ASSIGNED | UNDER_REVIEW → EXPLORING}, emits {@link IdeaDecided}.
     * A next step and an expected date after today are required.
     */
    public IdeaDecided explore(
            @Nullable String nextStep,
            @Nullable LocalDate expectedBy,
            @Nullable String explanation,
            String by,
            Clock clock) {
        require(IdeaAction.EXPLORE);
        List<Violation> violations = new ArrayList<>();
        if (nextStep == null || nextStep.isBlank()) {
            violations.add(new Violation("nextStep", "Exploring needs a next step."));
        }
        violations.addAll(TextLimits.violations("nextStep", nextStep));
        if (expectedBy == null) {
            violations.add(new Violation("expectedBy", "Exploring needs an expected date."));
        } else if (!expectedBy.isAfter(LocalDate.now(clock))) {
            violations.add(new Violation("expectedBy", "The expected date must be in the future."));
        }
        violations.addAll(TextLimits.violations("explanation", explanation));
        refuseIfAny(IdeaAction.EXPLORE, violations);
        String step = Objects.requireNonNull(nextStep).strip();
        String text = explanation == null || explanation.isBlank() ? step : explanation.strip();
        return decide(
                new Decision(DecisionOutcome.EXPLORE, null, text, step, expectedBy, by, clock.instant()),
                IdeaState.EXPLORING,
                Milestone.EXPLORING);
    }

    /**
     * The owner declines the idea: {@code ASSIGNED | UNDER_REVIEW → DECLINED}, emits {@link IdeaDecided}.
     * A reason code and a written explanation are required.
     */
    public IdeaDecided decline(
            @Nullable DeclineReason reasonCode, @Nullable String explanation, String by, Clock clock) {
        require(IdeaAction.DECLINE);
        List<Violation> violations = new ArrayList<>();
        if (reasonCode == null) {
            violations.add(new Violation("reasonCode", "A decline needs a reason code."));
        }
        if (explanation == null || explanation.isBlank()) {
            violations.add(new Violation("explanation", "A decline needs a written explanation."));
        }
        violations.addAll(TextLimits.violations("explanation", explanation));
        refuseIfAny(IdeaAction.DECLINE, violations);
        return decide(
                new Decision(
                        DecisionOutcome.DECLINE,
                        reasonCode,
                        Objects.requireNonNull(explanation).strip(),
                        null,
                        null,
                        by,
                        clock.instant()),
                IdeaState.DECLINED,
                Milestone.DECLINED);
    }

    /**
     * Refuses unless this idea may be merged into {@code originalId} with {@code note} now: it is
     * undecided, the original is another idea and the note is not too long. A merge checks this before it
     * touches the original.
     */
    public void requireMergeableInto(IdeaId originalId, @Nullable String note) {
        requireMergeableInto(originalId, note, List.of());
    }

    /**
     * {@link #requireMergeableInto(IdeaId, String)}, and also that {@code original} can take this idea's
     * submitters: merged, it would not have more than {@link #MAX_SUBMITTERS} (refused naming
     * {@code submitters}). The duplicates merged into an idea are limited only by this: one whose submitters
     * follow the original already adds nothing.
     */
    public void requireMergeableInto(Idea original, @Nullable String note) {
        List<Violation> full = List.of();
        if (original.submitters.size() + original.submittersJoining(submitters).size() > MAX_SUBMITTERS) {
            full = List.of(new Violation(
                    "submitters",
                    "The original idea would have more than " + MAX_SUBMITTERS
                            + " submitters, the most an idea keeps."));
        }
        requireMergeableInto(original.id(), note, full);
    }

    private void requireMergeableInto(IdeaId originalId, @Nullable String note, List<Violation> also) {
        List<Violation> violations = new ArrayList<>(TextLimits.violations("note", note));
        if (originalId.equals(id)) {
            violations.add(new Violation("originalId", "Name another idea that was not merged itself."));
        }
        violations.addAll(also);
        refuseIfAny(IdeaAction.MERGE, violations);
        require(IdeaAction.MERGE);
    }

    /** Those of {@code joining} who are not submitters of this idea yet, each once: what a merge adds to it. */
    public List<Submitter> submittersJoining(List<Submitter> joining) {
        return joining.stream()
                .distinct()
                .filter(submitter -> !submitters.contains(submitter))
                .toList();
    }

    /**
     * The idea duplicates an earlier one: {@code ASSIGNED | UNDER_REVIEW → MERGED}, emits
     * {@link IdeaMergedAsDuplicate}; the owner's note, if any, stays in the history.
     */
    public IdeaMergedAsDuplicate mergeInto(
            IdeaId originalId, String originalTitle, @Nullable String note, String by, Clock clock) {
        requireMergeableInto(originalId, note);
        Instant now = clock.instant();
        this.mergedInto = originalId;
        IdeaMergedAsDuplicate event = new IdeaMergedAsDuplicate(
                nextEventId("IdeaMergedAsDuplicate"),
                id.value(),
                now,
                IdeaMergedAsDuplicate.SCHEMA_VERSION,
                title,
                submitters,
                currentOwnerId(),
                originalId.value(),
                originalTitle,
                audience.supporterIds());
        String why = note == null || note.isBlank() ? originalTitle : originalTitle + " — " + note.strip();
        moveTo(IdeaState.MERGED, new HistoryEntry(now, by, Milestone.MERGED, why), event);
        return event;
    }

    /**
     * Moves an undecided idea to another owner, with a note saying why; the state stays, the deadline
     * moves. Emits {@link IdeaReassigned}. Handing it to its own owner is not possible, and neither is a
     * hand-over once the idea was handed on {@link #MAX_REASSIGNMENTS} times (refused naming
     * {@code reassignments}): then its owner decides it.
     */
    public IdeaReassigned reassign(Owner newOwner, @Nullable String note, Instant newDueBy, String by, Clock clock) {
        require(IdeaAction.REASSIGN);
        if (reassignments() >= MAX_REASSIGNMENTS) {
            throw incomplete(
                    IdeaAction.REASSIGN,
                    List.of(new Violation(
                            "reassignments",
                            "The idea was handed on " + MAX_REASSIGNMENTS + " times, the most it can be.")));
        }
        return handOver(newOwner, note, newDueBy, by, clock);
    }

    /**
     * Moves an undecided idea whose owner left the directory or is no longer an owner to the owner routing
     * chooses now: {@link #reassign}, but never refused for the number of hand-overs (people leaving bound it,
     * and the idea must not stay with nobody).
     */
    public IdeaReassigned reroute(Owner newOwner, String note, Instant newDueBy, String by, Clock clock) {
        require(IdeaAction.REASSIGN);
        return handOver(newOwner, note, newDueBy, by, clock);
    }

    private IdeaReassigned handOver(Owner newOwner, @Nullable String note, Instant newDueBy, String by, Clock clock) {
        if (isOwnedBy(newOwner.id())) {
            throw IdeaActionRefused.notInState(id, state, IdeaAction.REASSIGN);
        }
        String why = requireNote(IdeaAction.REASSIGN, note, "Say why the idea moves.");
        Instant now = clock.instant();
        String previousOwnerId = currentOwnerId();
        this.assignment = Objects.requireNonNull(assignment).withOwner(newOwner);
        this.deadline = new Deadline(newDueBy, now);
        IdeaReassigned event = new IdeaReassigned(
                nextEventId("IdeaReassigned"),
                id.value(),
                now,
                IdeaReassigned.SCHEMA_VERSION,
                title,
                submitters,
                previousOwnerId,
                newOwner.id(),
                newOwner.name(),
                why,
                newDueBy);
        moveTo(state, new HistoryEntry(now, by, Milestone.REASSIGNED, why), event);
        return event;
    }

    /** How often the idea was handed on, by people or because its owner left. */
    public int reassignments() {
        return (int) history.stream()
                .filter(entry -> entry.what() == Milestone.REASSIGNED)
                .count();
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
        Deadline current = deadline;
        if (!state.isUndecided() || current == null || current.hasPassed(now)) {
            return Optional.empty();
        }
        Instant dueBy = current.dueBy();
        List<ReminderPoint> due = points.stream()
                .filter(point -> !current.reminderAt(point).isAfter(now))
                .filter(point -> remindersSent.stream()
                        .noneMatch(reminder -> reminder.point() == point
                                && reminder.forDeadline().equals(dueBy)))
                .distinct()
                .sorted(Comparator.comparing(current::reminderAt))
                .toList();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        due.forEach(point -> remindersSent.add(new SentReminder(point, dueBy, now)));
        ReminderPoint latest = due.getLast();
        AnswerReminderDue event = new AnswerReminderDue(
                EventIds.derive(id.value(), "AnswerReminderDue", latest, dueBy),
                id.value(),
                now,
                AnswerReminderDue.SCHEMA_VERSION,
                title,
                currentOwnerId(),
                latest,
                dueBy);
        outbox.add(event);
        return Optional.of(event);
    }

    /** Undecided and its answer deadline has come (from the deadline instant on). */
    public boolean isOverdue(Instant now) {
        return state.isUndecided() && deadline != null && deadline.hasPassed(now);
    }

    /**
     * The deadline passed without a decision: the owner keeps the idea, {@code escalatedToId} (the
     * owner's manager, or triage) watches it from now on, and the owner gets {@code extension} more.
     * Emits {@link AnswerEscalated}, which also tells the submitters by when to expect an answer now.
     * Its id is derived from the missed deadline, so one breach is escalated once.
     */
    public AnswerEscalated escalate(String escalatedToId, Duration extension, Clock clock) {
        Instant now = clock.instant();
        require(IdeaAction.ESCALATE);
        if (!isOverdue(now)) {
            throw IdeaActionRefused.notInState(id, state, IdeaAction.ESCALATE);
        }
        Instant missed = Objects.requireNonNull(deadline).dueBy();
        // to the millisecond, as the document stores it, so the event and the stored idea agree
        Instant newDueBy = now.plus(extension).truncatedTo(ChronoUnit.MILLIS);
        this.deadline = new Deadline(newDueBy, now);
        this.escalations++;
        if (!watchers.contains(escalatedToId)) {
            watchers.add(escalatedToId);
        }
        AnswerEscalated event = new AnswerEscalated(
                EventIds.derive(id.value(), "AnswerEscalated", missed),
                id.value(),
                now,
                AnswerEscalated.SCHEMA_VERSION,
                title,
                submitters,
                currentOwnerId(),
                escalatedToId,
                missed,
                newDueBy);
        moveTo(state, new HistoryEntry(now, null, Milestone.ESCALATED, escalatedToId), event);
        return event;
    }

    /**
     * The owner reports progress on an explored idea: {@link #startProgress}, {@link #implement} or
     * {@link #shelve} by {@code status}, each with a note saying what changed; an implementation also
     * with its estimated {@code impact} (checked by {@code rules}) and an optional thank-you note.
     */
    public IdeaStatusChanged changeProgress(
            @Nullable ProgressStatus status,
            @Nullable String note,
            @Nullable ImpactDraft impact,
            @Nullable String thankYouNote,
            ImpactRules rules,
            String by,
            Clock clock) {
        return switch (status) {
            case IN_PROGRESS -> startProgress(note, by, clock);
            case IMPLEMENTED -> implement(note, impact, thankYouNote, rules, by, clock);
            case SHELVED -> shelve(note, by, clock);
            case null -> {
                List<Violation> violations = new ArrayList<>();
                violations.add(new Violation("status", "Choose IN_PROGRESS, IMPLEMENTED or SHELVED."));
                if (note == null || note.isBlank()) {
                    violations.add(new Violation("note", PROGRESS_NOTE));
                }
                throw incomplete(IdeaAction.START_PROGRESS, violations);
            }
        };
    }

    private static final String PROGRESS_NOTE = "Say what changed: the impact, or why it was shelved.";

    /** Work on an explored idea started: {@code EXPLORING → IN_PROGRESS}, emits {@link IdeaStatusChanged}. */
    public IdeaStatusChanged startProgress(@Nullable String note, String by, Clock clock) {
        return progress(
                IdeaAction.START_PROGRESS,
                ProgressStatus.IN_PROGRESS,
                IdeaState.IN_PROGRESS,
                Milestone.IN_PROGRESS,
                note,
                by,
                clock);
    }

    /**
     * The idea was implemented: {@code IN_PROGRESS → IMPLEMENTED}, emits {@link IdeaStatusChanged} with
     * the estimated impact and the thank-you note. The impact is required ({@code impact.summary},
     * {@code impact.amount}, {@code impact.unit}, checked by {@code rules}); the note may be left out and
     * is then the impact's summary. From now on the impact is checked at {@link ImpactRules#checkpointDays()}.
     */
    public IdeaStatusChanged implement(
            @Nullable String note,
            @Nullable ImpactDraft impact,
            @Nullable String thankYouNote,
            ImpactRules rules,
            String by,
            Clock clock) {
        require(IdeaAction.IMPLEMENT);
        List<Violation> violations = new ArrayList<>(rules.violations("impact", impact));
        violations.addAll(TextLimits.violations("note", note, "thankYouNote", thankYouNote));
        refuseIfAny(IdeaAction.IMPLEMENT, violations);
        Impact estimated = rules.impactOf(Objects.requireNonNull(impact));
        String text = note == null || note.isBlank() ? estimated.summary() : note.strip();
        String thanks = thankYouNote == null || thankYouNote.isBlank() ? null : thankYouNote.strip();
        Instant now = clock.instant();
        this.progress = new Progress(
                ProgressStatus.IMPLEMENTED, text, new Implementation(estimated, thanks, now, List.of(), List.of()));
        IdeaStatusChanged event = new IdeaStatusChanged(
                nextEventId("IdeaStatusChanged"),
                id.value(),
                now,
                IdeaStatusChanged.SCHEMA_VERSION,
                title,
                submitters,
                currentOwnerId(),
                ProgressStatus.IMPLEMENTED,
                text,
                audience.supporterIds(),
                estimated,
                thanks,
                audience.visibility());
        moveTo(IdeaState.IMPLEMENTED, new HistoryEntry(now, by, Milestone.IMPLEMENTED, text), event);
        return event;
    }

    /**
     * The impact check due now, if any: the latest of the configured checkpoints that has come since the
     * idea was implemented and was not asked yet. Checkpoints passed together (the watchdog was down)
     * are all marked asked and only the latest is announced. The event id is derived from the idea and
     * the checkpoint, so a retry re-creates the same event and a checkpoint is asked once.
     */
    public Optional<ImpactCheckDue> impactCheckIfDue(ImpactRules rules, Clock clock) {
        Progress current = progress;
        Implementation implementation = current == null ? null : current.implementation();
        // ideas implemented before impact was asked for have no estimate and are not checked
        Impact estimated = implementation == null ? null : implementation.estimated();
        if (current == null || state != IdeaState.IMPLEMENTED || implementation == null || estimated == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<Integer> due = rules.checkpointDays().stream()
                .filter(days -> !implementation
                        .implementedAt()
                        .plus(Duration.ofDays(days))
                        .isAfter(now))
                .filter(days -> !implementation.checksAsked().contains(days))
                .toList();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        this.progress = current.with(implementation.asked(due));
        int checkpoint = due.getLast();
        ImpactCheckDue event = new ImpactCheckDue(
                EventIds.derive(id.value(), "ImpactCheckDue", checkpoint),
                id.value(),
                now,
                ImpactCheckDue.SCHEMA_VERSION,
                title,
                currentOwnerId(),
                checkpoint,
                estimated);
        outbox.add(event);
        return Optional.of(event);
    }

    /** When the next impact check of this implemented idea comes, if one is still to come. */
    public Optional<Instant> nextImpactCheck(ImpactRules rules) {
        Implementation implementation = progress == null ? null : progress.implementation();
        if (state != IdeaState.IMPLEMENTED || implementation == null || implementation.estimated() == null) {
            return Optional.empty();
        }
        return rules.checkpointDays().stream()
                .filter(days -> !implementation.checksAsked().contains(days))
                .findFirst()
                .map(days -> implementation.implementedAt().plus(Duration.ofDays(days)));
    }

    /**
     * The owner (or a leader) records the benefit the implemented idea measurably brought, checked by
     * {@code rules} like the estimate; {@code checkpointDays} is the impact check it answers (one of the
     * configured ones) or null when recorded unasked. Every measurement is kept, up to
     * {@link Implementation#MAX_MEASUREMENTS}: one more is refused naming {@code measurements}. Emits
     * {@link IdeaImpactMeasured}.
     */
    public IdeaImpactMeasured recordImpact(
            @Nullable ImpactDraft measured,
            @Nullable Integer checkpointDays,
            ImpactRules rules,
            String by,
            Clock clock) {
        require(IdeaAction.RECORD_IMPACT);
        List<Violation> violations = new ArrayList<>(rules.violations("impact", measured));
        if (checkpointDays != null && !rules.checkpointDays().contains(checkpointDays)) {
            violations.add(new Violation(
                    "checkpointDays", "Name one of the impact checks " + rules.checkpointDays() + ", or none."));
        }
        Implementation recorded = Objects.requireNonNull(progress).implementation();
        if (recorded != null && recorded.measurements().size() >= Implementation.MAX_MEASUREMENTS) {
            violations.add(new Violation(
                    "measurements",
                    "The idea has " + Implementation.MAX_MEASUREMENTS + " measured benefits, the most it keeps."));
        }
        refuseIfAny(IdeaAction.RECORD_IMPACT, violations);
        Impact impact = rules.impactOf(Objects.requireNonNull(measured));
        int checkpoint = checkpointDays == null ? 0 : checkpointDays;
        Instant now = clock.instant();
        Progress current = Objects.requireNonNull(progress);
        Implementation kept = current.implementation();
        Implementation implementation =
                kept != null ? kept : new Implementation(null, null, implementedAt(), List.of(), List.of());
        this.progress = current.with(implementation.measured(new Measurement(impact, checkpoint, by, now)));
        IdeaImpactMeasured event = new IdeaImpactMeasured(
                nextEventId("IdeaImpactMeasured"),
                id.value(),
                now,
                IdeaImpactMeasured.SCHEMA_VERSION,
                title,
                submitters,
                audience.supporterIds(),
                currentOwnerId(),
                checkpoint,
                impact,
                implementation.estimated(),
                audience.visibility());
        moveTo(state, new HistoryEntry(now, by, Milestone.IMPACT_MEASURED, impact.summary()), event);
        return event;
    }

    /** When the idea was implemented, from its history (for ideas implemented before impact was kept). */
    private Instant implementedAt() {
        return history.stream()
                .filter(entry -> entry.what() == Milestone.IMPLEMENTED)
                .map(HistoryEntry::at)
                .reduce((first, second) -> second)
                .orElse(submittedAt);
    }

    /** The idea was put aside: {@code EXPLORING | IN_PROGRESS → SHELVED}; the note says why. */
    public IdeaStatusChanged shelve(@Nullable String reason, String by, Clock clock) {
        return progress(
                IdeaAction.SHELVE, ProgressStatus.SHELVED, IdeaState.SHELVED, Milestone.SHELVED, reason, by, clock);
    }

    /**
     * {@code supporter} says "me too" and from now on follows the idea: every outcome event carries the
     * supporters, so they hear it like the submitters. Anyone who may see the idea and is not one of its
     * own people (submitters, owner) may, while it is open — undecided, or explored and not finished
     * ({@link IdeaState#allows}); a declined, merged, shelved or implemented idea takes no more support.
     * Returns false, changing nothing, when they support it already. Refused when the idea has
     * {@link Audience#MAX_SUPPORTERS}. No history entry and no event: support changes no state.
     */
    public boolean support(Viewer supporter) {
        require(IdeaAction.SUPPORT);
        String personId = supporter.personId();
        List<Violation> violations = new ArrayList<>();
        if (isSubmittedBy(personId) || isOwnedBy(personId)) {
            violations.add(new Violation("supporter", "Submitters and the owner follow the idea already."));
        } else if (!visibleTo(supporter)) {
            violations.add(new Violation("supporter", "Only people who may see the idea can support it."));
        }
        refuseIfAny(IdeaAction.SUPPORT, violations);
        if (audience.isSupportedBy(personId)) {
            return false;
        }
        if (audience.supportCount() >= Audience.MAX_SUPPORTERS) {
            throw incomplete(
                    IdeaAction.SUPPORT,
                    List.of(new Violation(
                            "supporter",
                            "The idea has the most supporters it can keep: " + Audience.MAX_SUPPORTERS + ".")));
        }
        this.audience = audience.withSupporter(personId);
        return true;
    }

    /**
     * {@code personId} no longer supports the idea, while it is open. Returns false, changing nothing,
     * when they did not support it.
     */
    public boolean withdrawSupport(String personId) {
        require(IdeaAction.SUPPORT);
        if (!audience.isSupportedBy(personId)) {
            return false;
        }
        this.audience = audience.withoutSupporter(personId);
        return true;
    }

    /**
     * The supporters of a duplicate merged into this idea follow it from now on, each once, skipping its
     * own people and stopping at {@link Audience#MAX_SUPPORTERS}. Returns whether anyone was added.
     */
    public boolean adoptSupporters(List<String> supporterIds) {
        Audience before = audience;
        for (String personId : supporterIds) {
            if (audience.supportCount() >= Audience.MAX_SUPPORTERS) {
                break;
            }
            if (!audience.isSupportedBy(personId) && !isSubmittedBy(personId) && !isOwnedBy(personId)) {
                this.audience = audience.withSupporter(personId);
            }
        }
        return !audience.equals(before);
    }

    /**
     * A co-submitter agrees to be named to colleagues when the idea is {@link Visibility#COMPANY_NAMED}
     * (the submitter chose that for themself only). Returns false when they agreed before. Refused for
     * anyone but a co-submitter, and for an anonymous idea, which is never named.
     */
    public boolean agreeToBeNamed(String personId) {
        if (!isCoSubmittedBy(personId) || isAnonymous()) {
            throw incomplete(
                    IdeaAction.AGREE_TO_BE_NAMED,
                    List.of(new Violation("personId", "Only a co-submitter of a named idea can agree to be named.")));
        }
        if (audience.namedCoSubmitterIds().contains(personId)) {
            return false;
        }
        this.audience = audience.withNamedCoSubmitter(personId);
        return true;
    }

    /**
     * Whether {@code viewer} may see the idea: its submitters, owner, watchers and supporters and those
     * who read everything always; colleagues when it is company-wide.
     */
    public boolean visibleTo(Viewer viewer) {
        return audience.visibility().isCompanyWide() || isFollowedBy(viewer);
    }

    /**
     * The directory ids of the submitters whose names {@code viewer} may see. Never anyone of an
     * anonymous idea. The idea's own people (submitters, owner, watchers) and those who read everything
     * see every named submitter; colleagues (supporters too) only the submitter of a
     * {@link Visibility#COMPANY_NAMED} idea and the co-submitters who agreed.
     */
    public List<String> namesVisibleTo(Viewer viewer) {
        if (isAnonymous()) {
            return List.of();
        }
        List<String> named = submitters.stream()
                .map(Submitter::personId)
                .filter(Objects::nonNull)
                .toList();
        if (belongsTo(viewer)) {
            return named;
        }
        if (!audience.visibility().isNamed() || named.isEmpty()) {
            return List.of();
        }
        return named.stream()
                .filter(id -> id.equals(named.getFirst())
                        || audience.namedCoSubmitterIds().contains(id))
                .toList();
    }

    /**
     * Whether the idea is {@code viewer}'s own business: a submitter, the owner, a watcher, or someone who
     * reads every idea. Everyone else who sees it is a colleague (supporters too).
     */
    public boolean belongsTo(Viewer viewer) {
        String personId = viewer.personId();
        return viewer.readsEverything()
                || isSubmittedBy(personId)
                || isOwnedBy(personId)
                || watchers.contains(personId);
    }

    private boolean isFollowedBy(Viewer viewer) {
        return belongsTo(viewer) || audience.isSupportedBy(viewer.personId());
    }

    /**
     * The submitter was delivered the decision. Returns false when the idea was already answered, so a
     * redelivered proof changes nothing.
     */
    public boolean markAnswered(Instant deliveredAt) {
        require(IdeaAction.MARK_ANSWERED);
        if (answeredAt != null) {
            return false;
        }
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
        Owner owner = owner();
        IdeaDecided event = new IdeaDecided(
                nextEventId("IdeaDecided"),
                id.value(),
                decided.decidedAt(),
                IdeaDecided.SCHEMA_VERSION,
                title,
                submitters,
                currentOwnerId(),
                owner == null ? "" : owner.name(),
                decided.outcome(),
                decided.reasonCode(),
                decided.explanation(),
                decided.nextStep(),
                decided.expectedBy(),
                audience.supporterIds());
        String why = decided.reasonCode() == null
                ? decided.explanation()
                : decided.reasonCode() + ": " + decided.explanation();
        moveTo(target, new HistoryEntry(decided.decidedAt(), decided.decidedBy(), milestone, why), event);
        return event;
    }

    private IdeaStatusChanged progress(
            IdeaAction action,
            ProgressStatus status,
            IdeaState target,
            Milestone milestone,
            @Nullable String note,
            String by,
            Clock clock) {
        require(action);
        String text = requireNote(action, note, PROGRESS_NOTE);
        Instant now = clock.instant();
        this.progress = new Progress(status, text);
        IdeaStatusChanged event = new IdeaStatusChanged(
                nextEventId("IdeaStatusChanged"),
                id.value(),
                now,
                IdeaStatusChanged.SCHEMA_VERSION,
                title,
                submitters,
                currentOwnerId(),
                status,
                text,
                audience.supporterIds(),
                null,
                null,
                audience.visibility());
        moveTo(target, new HistoryEntry(now, by, milestone, text), event);
        return event;
    }

    /** The stripped note, or a refusal when it is blank or too long. */
    private String requireNote(IdeaAction action, @Nullable String note, String whenMissing) {
        String text = note == null ? "" : note.strip();
        List<Violation> violations = new ArrayList<>();
        if (text.isEmpty()) {
            violations.add(new Violation("note", whenMissing));
        }
        violations.addAll(TextLimits.violations("note", text));
        refuseIfAny(action, violations);
        return text;
    }

    private void moveTo(IdeaState target, HistoryEntry entry, @Nullable IdeaLifecycleEvent event) {
        if (target != state && !state.canMoveTo(target)) {
            throw new IllegalStateException("The transition table lets no idea move from " + state + " to " + target);
        }
        this.state = target;
        history.add(entry);
        if (event != null) {
            outbox.add(event);
        }
    }

    private UUID nextEventId(String type) {
        return EventIds.derive(id.value(), type, history.size());
    }

    private void require(IdeaAction action) {
        if (!state.allows(action)) {
            throw IdeaActionRefused.notInState(id, state, action);
        }
    }

    private void refuseIfAny(IdeaAction action, List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw incomplete(action, violations);
        }
    }

    private IdeaActionRefused incomplete(IdeaAction action, List<Violation> violations) {
        return IdeaActionRefused.incomplete(id, state, action, violations);
    }

    private String currentOwnerId() {
        Owner owner = owner();
        return owner == null ? "" : owner.id();
    }

    public boolean isAnonymous() {
        return submitters.stream().anyMatch(Submitter::isAnonymous);
    }

    /** Whether {@code personId} is a named submitter or co-submitter of this idea. */
    public boolean isSubmittedBy(String personId) {
        return submitters.stream().anyMatch(submitter -> personId.equals(submitter.personId()));
    }

    /** Whether {@code personId} is a co-submitter (not the submitter) of this idea. */
    public boolean isCoSubmittedBy(String personId) {
        return submitters.stream().skip(1).anyMatch(submitter -> personId.equals(submitter.personId()));
    }

    /** Whether {@code personId} is a co-submitter who may still agree to be named to colleagues. */
    public boolean mayAgreeToBeNamed(String personId) {
        return audience.visibility().isNamed()
                && isCoSubmittedBy(personId)
                && !audience.namedCoSubmitterIds().contains(personId);
    }

    public boolean isOwnedBy(String personId) {
        Owner owner = owner();
        return owner != null && personId.equals(owner.id());
    }

    public IdeaId id() {
        return id;
    }

    /** The stored version this idea was read at (0 before it was first stored). */
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

    /**
     * When the idea was submitted, as it may be shown to anyone: the instant for a named idea, only the day
     * (the start of its UTC day) for an anonymous one.
     */
    public Instant shownSubmittedAt() {
        return isAnonymous() ? startOfDay(submittedAt) : submittedAt;
    }

    /**
     * When {@code entry} happened, as it may be shown to anyone: for an anonymous idea its submission and its
     * routing, which follows the submission at once, only by the day (the start of its UTC day).
     */
    public Instant shownAt(HistoryEntry entry) {
        boolean tellsTheSubmission = entry.what() == Milestone.SUBMITTED || entry.what() == Milestone.ASSIGNED;
        return isAnonymous() && tellsTheSubmission ? startOfDay(entry.at()) : entry.at();
    }

    private static Instant startOfDay(Instant at) {
        return at.truncatedTo(ChronoUnit.DAYS);
    }

    /** The end of the UTC day {@code at} falls on: the start of the next day, or {@code at} if it is a start. */
    private static Instant endOfDay(Instant at) {
        Instant start = startOfDay(at);
        return start.equals(at) ? at : start.plus(1, ChronoUnit.DAYS);
    }

    /** What intake sent, as one value. */
    public Submission submission() {
        return new Submission(
                title, description, category, channel, submitters, department, trackingTokenHash, submittedAt);
    }

    /** Who owns the idea and why; null before it was routed. */
    public @Nullable Assignment assignment() {
        return assignment;
    }

    /** The owner, from {@link #assignment()}; null before the idea was routed. */
    public @Nullable Owner owner() {
        return assignment == null ? null : assignment.owner();
    }

    /** The owner's directory id, from {@link #assignment()}; null before the idea was routed. */
    public @Nullable String ownerId() {
        Owner owner = owner();
        return owner == null ? null : owner.id();
    }

    /** The current answer deadline; null before the idea was routed. */
    public @Nullable Deadline deadline() {
        return deadline;
    }

    /** When the owner must answer, from {@link #deadline()}. */
    public @Nullable Instant answerDueBy() {
        return deadline == null ? null : deadline.dueBy();
    }

    /** Whether a submitter was delivered the decision: {@link #answeredAt()} is known. */
    public boolean answered() {
        return answeredAt != null;
    }

    public @Nullable Instant answeredAt() {
        return answeredAt;
    }

    /** Whether the submitter was delivered the decision by its answer deadline, which was never missed. */
    public boolean answeredOnTime() {
        Instant dueBy = answerDueBy();
        return answeredAt != null && dueBy != null && !answeredAt.isAfter(dueBy) && escalations == 0;
    }

    public @Nullable Decision decision() {
        return decision;
    }

    public @Nullable Progress progress() {
        return progress;
    }

    /** Who may see the idea, who supports it and which co-submitters agreed to be named. */
    public Audience audience() {
        return audience;
    }

    /** The idea this one was merged into as a duplicate, if it was. */
    public @Nullable IdeaId mergedInto() {
        return mergedInto;
    }

    /** Reminders sent, watchers and missed deadlines, as one value. */
    public Chase chase() {
        return new Chase(remindersSent, watchers, escalations);
    }

    /** Reminders sent to the owner, each for the deadline it was about. */
    public List<SentReminder> remindersSent() {
        return List.copyOf(remindersSent);
    }

    /** People following the idea besides owner and submitters, e.g. whom it was escalated to. */
    public List<String> watchers() {
        return List.copyOf(watchers);
    }

    /** How often the idea's answer deadline was missed. */
    public int escalations() {
        return escalations;
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
