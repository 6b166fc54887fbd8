package org.suggestionbox.router.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.events.DecisionOutcome;
import org.suggestionbox.events.DeclineReason;
import org.suggestionbox.events.ProgressStatus;
import org.suggestionbox.router.idea.IdeaState;
import org.suggestionbox.router.idea.Milestone;

/**
 * What the private tracking link shows of an anonymous idea: where it stands, who owns it as a team and a
 * role, the decision with its reason, what comes next and the steps so far. No person is named: not the
 * submitter, not the owner, not whoever acted (history entries carry neither who nor their notes).
 *
 * @param submittedAt the day the idea was submitted, as the start of its UTC day (never the instant: matched
 *        with a request log, it would name the submitter); the submission and routing steps of
 *        {@code history} likewise
 * @param answerDueBy by when the owner decides, while undecided
 * @param nextStep what happens next, in the owner's words, once the idea is explored
 */
record TrackedIdea(
        String title,
        String category,
        IdeaState state,
        Instant submittedAt,
        @Nullable Owner owner,
        @Nullable Instant answerDueBy,
        @Nullable Decision decision,
        @Nullable String nextStep,
        @Nullable Progress progress,
        boolean answered,
        List<Step> history) {

    /**
     * @param team the owner's department
     * @param role what the owner is to the idea
     */
    record Owner(String team, String role) {}

    /**
     * @param reason the reason code in words (English; the page shows it in the reader's language)
     */
    record Decision(
            DecisionOutcome outcome,
            @Nullable DeclineReason reasonCode,
            @Nullable String reason,
            String explanation,
            @Nullable String nextStep,
            @Nullable LocalDate expectedBy,
            Instant decidedAt) {}

    record Progress(ProgressStatus status, @Nullable String note) {}

    record Step(Instant at, Milestone what) {}
}
