package org.suggestionbox.router.decision;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.events.DecisionOutcome;
import org.suggestionbox.events.DeclineReason;

/**
 * An owner's decision: {@code EXPLORE} with {@code nextStep} and {@code expectedBy}, or
 * {@code DECLINE} with {@code reasonCode} and {@code explanation}.
 */
public record DecisionRequest(
        @Nullable DecisionOutcome outcome,
        @Nullable DeclineReason reasonCode,
        @Nullable String explanation,
        @Nullable String nextStep,
        @Nullable LocalDate expectedBy) {}
