package org.suggestionbox.router.idea;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.events.DecisionOutcome;
import org.suggestionbox.events.DeclineReason;

/** The owner's decision: explore (next step, expected date) or decline (reason code), always explained. */
public record Decision(
        DecisionOutcome outcome,
        @Nullable DeclineReason reasonCode,
        String explanation,
        @Nullable String nextStep,
        @Nullable LocalDate expectedBy,
        String decidedBy,
        Instant decidedAt) {}
