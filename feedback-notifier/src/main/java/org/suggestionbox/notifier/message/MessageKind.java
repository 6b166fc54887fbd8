package org.suggestionbox.notifier.message;

/** What a message tells its recipient. */
public enum MessageKind {
    /** Submitter: the idea has an owner and a deadline. */
    IDEA_RECEIVED,
    /** Owner: a new idea in the queue. */
    IDEA_IN_QUEUE,
    /** Submitter: the idea will be explored. */
    IDEA_EXPLORED,
    /** Submitter: the idea was declined, with the reason. */
    IDEA_DECLINED,
    /** Submitter: work on the idea started. */
    IDEA_IN_PROGRESS,
    /** Submitter: the idea was implemented. */
    IDEA_IMPLEMENTED,
    /** Submitter: the idea was shelved. */
    IDEA_SHELVED,
    /** Submitter: the idea has a new owner. */
    IDEA_REASSIGNED,
    /** New owner: an idea was reassigned to them. */
    IDEA_REASSIGNED_TO_YOU,
    /** Submitter: the idea was merged into an earlier one. */
    IDEA_MERGED,
    /** Submitter: the answer takes longer; the idea was escalated. */
    ANSWER_DELAYED,
    /** Manager or triage: an unanswered idea was escalated to them. */
    ANSWER_ESCALATED_TO_YOU,
    /** Owner: the answer deadline is getting close. */
    ANSWER_REMINDER
}
