package org.suggestionbox.router.storage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.events.IdeaLifecycleEvent;
import org.suggestionbox.events.ProgressStatus;
import org.suggestionbox.events.SubmissionChannel;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.events.Visibility;
import org.suggestionbox.router.idea.Assignment;
import org.suggestionbox.router.idea.Audience;
import org.suggestionbox.router.idea.Deadline;
import org.suggestionbox.router.idea.Decision;
import org.suggestionbox.router.idea.HistoryEntry;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.idea.IdeaId;
import org.suggestionbox.router.idea.IdeaState;
import org.suggestionbox.router.idea.Implementation;
import org.suggestionbox.router.idea.Owner;
import org.suggestionbox.router.idea.Progress;
import org.suggestionbox.router.idea.RoutedBecause;
import org.suggestionbox.router.idea.SentReminder;
import org.suggestionbox.router.idea.TeamStrategy;

/**
 * The stored shape of an idea: one flat document with the field names the router has always written,
 * so ideas stored by earlier versions load unchanged and the queries' field names stay put. The
 * aggregate keeps each fact once, in values; this record spreads them over the document's fields and
 * gathers them back.
 * <p>
 * Fields an older version did not write yet ({@code routing}, {@code deadlineStartedAt}, {@code
 * remindersSent}, {@code watchers}, {@code escalations}, {@code implementation}) load as absent, empty or
 * zero.
 * <p>
 * Fields written for readers and queries only and never read back: {@code answered} (derived
 * from {@code answeredAt}), {@code routedBecause} (the English text of {@code routing}),
 * {@code supportCount} (the number of {@code supporterIds}, for sorting the owner queue) and
 * {@code listedAt} (when the idea came as it may be shown, {@link Idea#shownSubmittedAt}, for sorting the wall).
 * <p>
 * An idea stored before visibility existed has no {@code visibility}: it loads as
 * {@link Visibility#PRIVATE} with no supporters ({@link Visibility#of}). An idea
 * routed before {@code routing} was kept has only {@code routedBecause}; it loads as
 * {@link RoutedBecause.InEnglishOnly}.
 */
record StoredIdea(
        UUID id,
        long version,
        IdeaState state,
        String title,
        String description,
        String category,
        SubmissionChannel channel,
        List<Submitter> submitters,
        @Nullable String department,
        @Nullable String trackingTokenHash,
        Instant submittedAt,
        @Nullable Instant listedAt,
        @Nullable String ownerId,
        @Nullable String ownerName,
        @Nullable String ruleId,
        @Nullable String routedBecause,
        @Nullable StoredRouting routing,
        @Nullable Instant answerDueBy,
        @Nullable Instant deadlineStartedAt,
        @Nullable Boolean answered,
        @Nullable Instant answeredAt,
        @Nullable Decision decision,
        @Nullable ProgressStatus progress,
        @Nullable String progressNote,
        @Nullable Implementation implementation,
        @Nullable UUID mergedInto,
        @Nullable List<SentReminder> remindersSent,
        @Nullable List<String> watchers,
        @Nullable Integer escalations,
        @Nullable List<HistoryEntry> history,
        @Nullable List<UUID> processedEventIds,
        @Nullable List<IdeaLifecycleEvent> outbox,
        @Nullable Visibility visibility,
        @Nullable List<String> supporterIds,
        @Nullable Integer supportCount,
        @Nullable List<String> namedCoSubmitterIds) {

    /**
     * {@link RoutedBecause} as it was always stored: one shape for every variant.
     *
     * @param teamStrategy a {@link TeamStrategy} name, or null
     */
    record StoredRouting(
            @Nullable String ruleId,
            @Nullable List<RoutedBecause.Match> matched,
            @Nullable String teamStrategy,
            String ownerName,
            @Nullable List<RoutedBecause.Unowned> unowned) {

        static @Nullable StoredRouting of(RoutedBecause because) {
            return switch (because) {
                case RoutedBecause.ToOwner owner ->
                    new StoredRouting(owner.ruleId(), owner.matched(), null, owner.ownerName(), List.of());
                case RoutedBecause.ToTeamMember member ->
                    new StoredRouting(
                            member.ruleId(),
                            member.matched(),
                            member.teamStrategy().name(),
                            member.ownerName(),
                            List.of());
                case RoutedBecause.ToTriage triage ->
                    new StoredRouting(
                            null,
                            List.of(new RoutedBecause.Match(RoutedBecause.Criterion.CATEGORY, triage.category())),
                            null,
                            triage.ownerName(),
                            triage.unowned());
                case RoutedBecause.InEnglishOnly text -> null;
            };
        }

        RoutedBecause toRoutedBecause() {
            List<RoutedBecause.Match> matches = matched == null ? List.of() : matched;
            if (ruleId == null) {
                String category = matches.isEmpty() ? "" : matches.getFirst().value();
                return RoutedBecause.toTriage(category, unowned == null ? List.of() : unowned, ownerName);
            }
            return teamStrategy == null
                    ? RoutedBecause.toOwner(ruleId, matches, ownerName)
                    : RoutedBecause.toTeamMember(ruleId, matches, TeamStrategy.valueOf(teamStrategy), ownerName);
        }
    }

    static StoredIdea of(Idea idea) {
        Assignment assignment = idea.assignment();
        Deadline deadline = idea.deadline();
        Progress progress = idea.progress();
        IdeaId mergedInto = idea.mergedInto();
        Idea.Chase chase = idea.chase();
        return new StoredIdea(
                idea.id().value(),
                idea.version(),
                idea.state(),
                idea.title(),
                idea.description(),
                idea.category(),
                idea.channel(),
                idea.submitters(),
                idea.department(),
                idea.trackingTokenHash(),
                idea.submittedAt(),
                idea.shownSubmittedAt(),
                assignment == null ? null : assignment.owner().id(),
                assignment == null ? null : assignment.owner().name(),
                assignment == null ? null : assignment.ruleId(),
                assignment == null ? null : assignment.because().inEnglish(),
                assignment == null ? null : StoredRouting.of(assignment.because()),
                deadline == null ? null : deadline.dueBy(),
                deadline == null ? null : deadline.startedAt(),
                idea.answered(),
                idea.answeredAt(),
                idea.decision(),
                progress == null ? null : progress.status(),
                progress == null ? null : progress.note(),
                progress == null ? null : progress.implementation(),
                mergedInto == null ? null : mergedInto.value(),
                chase.remindersSent(),
                chase.watchers(),
                chase.escalations(),
                idea.history(),
                idea.processedEventIds(),
                idea.outbox(),
                idea.audience().visibility(),
                idea.audience().supporterIds(),
                idea.audience().supportCount(),
                idea.audience().namedCoSubmitterIds());
    }

    Idea toIdea() {
        Idea.Submission submission = new Idea.Submission(
                title, description, category, channel, submitters, department, trackingTokenHash, submittedAt);
        Assignment assignment = null;
        if (ownerId != null) {
            RoutedBecause because = routing != null
                    ? routing.toRoutedBecause()
                    : new RoutedBecause.InEnglishOnly(routedBecause == null ? "" : routedBecause);
            assignment = new Assignment(
                    new Owner(ownerId, ownerName == null ? ownerId : ownerName), ruleId == null ? "" : ruleId, because);
        }
        Deadline deadline = answerDueBy == null
                ? null
                : new Deadline(answerDueBy, deadlineStartedAt == null ? submittedAt : deadlineStartedAt);
        Progress progressed = progress == null
                ? null
                : new Progress(progress, progressNote == null ? "" : progressNote, implementation);
        Idea.Chase chase = new Idea.Chase(
                remindersSent == null ? List.of() : remindersSent,
                watchers == null ? List.of() : watchers,
                escalations == null ? 0 : escalations);
        return Idea.restore(
                new IdeaId(id),
                version,
                submission,
                state,
                assignment,
                deadline,
                decision,
                progressed,
                mergedInto == null ? null : new IdeaId(mergedInto),
                answeredAt,
                chase,
                history == null ? List.of() : history,
                processedEventIds == null ? List.of() : processedEventIds,
                outbox == null ? List.of() : outbox,
                new Audience(
                        Visibility.of(
                                visibility, submission.submitters().stream().anyMatch(Submitter::isAnonymous)),
                        supporterIds == null ? List.of() : supporterIds,
                        namedCoSubmitterIds == null ? List.of() : namedCoSubmitterIds));
    }
}
