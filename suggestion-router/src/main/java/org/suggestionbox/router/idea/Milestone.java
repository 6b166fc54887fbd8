package org.suggestionbox.router.idea;

/** What a history entry records. */
public enum Milestone {
    SUBMITTED,
    ASSIGNED,
    REVIEW_STARTED,
    EXPLORING,
    DECLINED,
    MERGED,
    REASSIGNED,
    IN_PROGRESS,
    IMPLEMENTED,
    SHELVED,
    ANSWERED,
    ESCALATED,
    IMPACT_MEASURED
}
