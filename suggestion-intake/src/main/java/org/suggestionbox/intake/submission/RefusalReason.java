package org.suggestionbox.intake.submission;

/** Why intake refused a submission; the {@code reason} tag of {@code ideas.refused}. */
public enum RefusalReason {
    VALIDATION, BROKER_UNAVAILABLE, DUPLICATE_KEY_MISMATCH, RATE_LIMITED, TOO_LARGE
}
