package org.suggestionbox.router.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.events.DecisionOutcome;
import org.suggestionbox.events.DeclineReason;
import org.suggestionbox.events.Impact;
import org.suggestionbox.events.ProgressStatus;
import org.suggestionbox.events.Visibility;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.router.idea.Assignment;
import org.suggestionbox.router.idea.Decision;
import org.suggestionbox.router.idea.HistoryEntry;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.idea.IdeaAction;
import org.suggestionbox.router.idea.IdeaState;
import org.suggestionbox.router.idea.Implementation;
import org.suggestionbox.router.idea.Milestone;
import org.suggestionbox.router.idea.Progress;
import org.suggestionbox.router.idea.RoutedBecause;
import org.suggestionbox.router.idea.Viewer;
import org.suggestionbox.router.similar.SimilarIdea;

/**
 * An idea as the API and pages show it. For an anonymous idea nothing about the submitter is in it:
 * {@code anonymous} is true and {@code submittedBy} is empty, and {@code submittedAt} and the {@code at} of
 * its {@code SUBMITTED} and {@code ASSIGNED} history entries are only the day: the start of the UTC day,
 * e.g. {@code 2026-03-02T00:00:00Z} ({@link Idea#shownSubmittedAt()}). A named idea's are instants. {@code similar} lists the nearest
 * earlier ideas by text, with a score; only its owner, leaders and administrators get it.
 * <p>
 * A colleague sees in {@code submittedBy} only the names {@link Idea#namesVisibleTo} allows, and the
 * submission in the history without its author unless named. {@code supportCount} is how many said
 * "me too"; {@code supportedByYou} and {@code canSupport} are about the reader.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdeaView(
        UUID id,
        String title,
        String description,
        String category,
        IdeaState state,
        @Nullable PersonRef owner,
        @Nullable Instant answerDueBy,
        boolean overdue,
        boolean answered,
        @Nullable Instant answeredAt,
        boolean answeredOnTime,
        @Nullable String routedBecause,
        @Nullable RoutedBecause routing,
        @Nullable String ruleId,
        Instant submittedAt,
        boolean anonymous,
        List<PersonRef> submittedBy,
        @Nullable DecisionView decision,
        @Nullable ProgressStatus progress,
        @Nullable String progressNote,
        @Nullable ImpactView impact,
        List<HistoryView> history,
        @Nullable List<SimilarIdea> similar,
        Visibility visibility,
        int supportCount,
        boolean supportedByYou,
        boolean canSupport) {

    /** A person by id and display name. */
    public record PersonRef(String id, String name) {}

    /** The owner's decision. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DecisionView(
            DecisionOutcome outcome,
            @Nullable DeclineReason reasonCode,
            String explanation,
            @Nullable String nextStep,
            @Nullable LocalDate expectedBy,
            PersonRef decidedBy,
            Instant decidedAt) {}

    /**
     * What an implemented idea changed: the benefit estimated when it was implemented, the owner's
     * thanks, the impact checks asked so far (days after {@code implementedAt}) and every benefit
     * measured, oldest first.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ImpactView(
            @Nullable Impact estimated,
            @Nullable String thankYouNote,
            Instant implementedAt,
            List<Integer> checksAsked,
            List<MeasuredView> measurements) {}

    /** A measured benefit, the impact check it answers (0: unasked), who recorded it and when. */
    public record MeasuredView(Impact measured, int checkpointDays, PersonRef by, Instant measuredAt) {}

    /**
     * One history entry; {@code by} is absent for the system and for an anonymous submitter. For a decline,
     * {@code reasonCode} is the reason the owner chose, so pages can say it in their language; {@code why}
     * keeps the stored text ({@code CODE: explanation}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryView(
            Instant at,
            @Nullable PersonRef by,
            Milestone what,
            @Nullable String why,
            @Nullable DeclineReason reasonCode) {

        /** What the owner wrote, without the reason code in front of it; pages show the code as words. */
        public @Nullable String text() {
            if (why == null || reasonCode == null) {
                return why;
            }
            return why.substring(reasonCode.name().length() + 2);
        }
    }

    /** The idea as its own people (submitters, owner) see it. */
    public static IdeaView of(Idea idea, Directory directory, Instant now) {
        return of(idea, directory, now, null, null);
    }

    /**
     * The idea as {@code reader} sees it (null: as its own people see it), with the nearest earlier ideas
     * for those who decide (absent for everyone else).
     */
    public static IdeaView of(
            Idea idea, Directory directory, Instant now, @Nullable List<SimilarIdea> similar, @Nullable Viewer reader) {
        List<String> named = reader == null
                ? idea.submitters().stream()
                        .map(submitter -> submitter.personId())
                        .filter(java.util.Objects::nonNull)
                        .toList()
                : idea.namesVisibleTo(reader);
        Assignment assignment = idea.assignment();
        PersonRef owner = assignment == null
                ? null
                : new PersonRef(assignment.owner().id(), assignment.owner().name());
        Progress progress = idea.progress();
        List<PersonRef> submittedBy = idea.isAnonymous()
                ? List.of()
                : named.stream().map(id -> ref(id, directory)).toList();
        Decision decision = idea.decision();
        DecisionView decisionView = decision == null
                ? null
                : new DecisionView(
                        decision.outcome(),
                        decision.reasonCode(),
                        decision.explanation(),
                        decision.nextStep(),
                        decision.expectedBy(),
                        ref(decision.decidedBy(), directory),
                        decision.decidedAt());
        Implementation implementation = progress == null ? null : progress.implementation();
        ImpactView impact = implementation == null
                ? null
                : new ImpactView(
                        implementation.estimated(),
                        implementation.thankYouNote(),
                        implementation.implementedAt(),
                        implementation.checksAsked(),
                        implementation.measurements().stream()
                                .map(measurement -> new MeasuredView(
                                        measurement.measured(),
                                        measurement.checkpointDays(),
                                        ref(measurement.by(), directory),
                                        measurement.measuredAt()))
                                .toList());
        List<HistoryView> history = idea.history().stream()
                .map(entry -> history(entry, idea, named, reader == null || idea.belongsTo(reader), directory))
                .toList();
        RoutedBecause because = assignment == null ? null : assignment.because();
        return new IdeaView(
                idea.id().value(),
                idea.title(),
                idea.description(),
                idea.category(),
                idea.state(),
                owner,
                idea.answerDueBy(),
                idea.isOverdue(now),
                idea.answered(),
                idea.answeredAt(),
                idea.answeredOnTime(),
                because == null ? null : because.inEnglish(),
                because instanceof RoutedBecause.InEnglishOnly ? null : because,
                assignment == null ? null : assignment.ruleId(),
                idea.shownSubmittedAt(),
                idea.isAnonymous(),
                submittedBy,
                decisionView,
                progress == null ? null : progress.status(),
                progress == null ? null : progress.note(),
                impact,
                history,
                similar,
                idea.audience().visibility(),
                idea.audience().supportCount(),
                reader != null && idea.audience().isSupportedBy(reader.personId()),
                reader != null && mayBeSupportedBy(idea, reader));
    }

    /** Whether the "me too" button is offered to {@code reader}: the aggregate decides when it is pressed. */
    private static boolean mayBeSupportedBy(Idea idea, Viewer reader) {
        return idea.state().allows(IdeaAction.SUPPORT)
                && !idea.isSubmittedBy(reader.personId())
                && !idea.isOwnedBy(reader.personId());
    }

    /**
     * One history entry as the reader may see it: the submission without its author unless named, and for
     * a colleague without the internal notes of a merge (the original may be private), an escalation or
     * a hand-over.
     */
    private static HistoryView history(
            HistoryEntry entry, Idea idea, List<String> named, boolean ownBusiness, Directory directory) {
        String by = entry.by();
        boolean hideSubmitter =
                entry.what() == Milestone.SUBMITTED && (idea.isAnonymous() || by == null || !named.contains(by));
        boolean internal = !ownBusiness
                && switch (entry.what()) {
                    case MERGED, ESCALATED, REASSIGNED -> true;
                    default -> false;
                };
        return new HistoryView(
                idea.shownAt(entry),
                by == null || hideSubmitter ? null : ref(by, directory),
                entry.what(),
                internal ? null : entry.why(),
                entry.declineReason());
    }

    static PersonRef ref(String id, Directory directory) {
        return new PersonRef(id, nameOf(id, directory));
    }

    private static String nameOf(String id, Directory directory) {
        return directory.find(id).map(Person::name).orElse(id);
    }
}
