package org.suggestionbox.router.wall;

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
import org.suggestionbox.router.idea.IdeaState;
import org.suggestionbox.router.web.IdeaView.PersonRef;

/**
 * One idea on the wall as the reader may see it: no submitter unless the idea names them to the
 * reader ({@code submittedBy} empty otherwise), never a tracking hash or a sealed identity.
 *
 * @param submittedAt when the idea was submitted; for an anonymous idea only the day, as the start of its UTC
 *        day ({@code 2026-03-02T00:00:00Z})
 * @param owner the owner's name, once routed
 * @param decision the owner's decision with its reason code and explanation, once decided
 * @param impact what an implemented idea changed: its latest measured benefit, else the estimated one
 * @param supportCount how many said "me too"
 * @param supportedByYou whether the reader is one of them
 * @param canSupport whether the reader is offered the "me too" button
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WallItem(
        UUID id,
        String title,
        String excerpt,
        String category,
        IdeaState state,
        Visibility visibility,
        Instant submittedAt,
        boolean anonymous,
        List<PersonRef> submittedBy,
        @Nullable String owner,
        @Nullable DecisionSummary decision,
        @Nullable ProgressStatus progress,
        @Nullable String progressNote,
        @Nullable Impact impact,
        int supportCount,
        boolean supportedByYou,
        boolean canSupport) {

    /** The decision as the wall shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DecisionSummary(
            DecisionOutcome outcome,
            @Nullable DeclineReason reasonCode,
            String explanation,
            @Nullable String nextStep,
            @Nullable LocalDate expectedBy) {}
}
