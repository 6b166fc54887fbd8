package org.suggestionbox.intake.submission;

/** Why intake refused a submission; the {@code reason} tag of {@code ideas.refused}. */
public enum RefusalReason {
    VALIDATION,
    BROKER_UNAVAILABLE,
    DUPLICATE_KEY_MISMATCH,
    RATE_LIMITED,
    TOO_LARGE,
    /** a chat request (Slack, Teams) whose signature did not verify */
    UNVERIFIED,
    /** a chat account that matches nobody in the directory */
    UNKNOWN_SUBMITTER
}
