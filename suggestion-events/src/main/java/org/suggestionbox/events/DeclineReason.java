package org.suggestionbox.events;

/** Why an idea was declined. A decline always carries one, and a written explanation. */
public enum DeclineReason {
    ALREADY_PLANNED,
    NOT_FEASIBLE,
    COST_EXCEEDS_BENEFIT,
    OUT_OF_SCOPE,
    NEEDS_MORE_INFO
}
