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
    ANSWER_REMINDER,
    /** Supporter: an idea they supported will be explored. */
    SUPPORTED_IDEA_EXPLORED,
    /** Supporter: an idea they supported was declined, with the reason. */
    SUPPORTED_IDEA_DECLINED,
    /** Supporter: work on an idea they supported started. */
    SUPPORTED_IDEA_IN_PROGRESS,
    /** Supporter: an idea they supported was implemented, with its impact. */
    SUPPORTED_IDEA_IMPLEMENTED,
    /** Supporter: an idea they supported was shelved. */
    SUPPORTED_IDEA_SHELVED,
    /** Supporter: an idea they supported was merged into an earlier one. */
    SUPPORTED_IDEA_MERGED,
    /** Owner: an implemented idea reached an impact check; record the measured benefit. */
    IMPACT_CHECK_DUE,
    /** Submitter: the benefit their implemented idea measurably brought. */
    IMPACT_MEASURED,
    /** Supporter: the benefit an implemented idea they supported measurably brought. */
    SUPPORTED_IDEA_IMPACT_MEASURED,
    /** Manager: a submitter's idea was implemented, with the owner's thanks (the submitter chose it). */
    THANKS_TO_MANAGER,
    /** Everyone who did not opt out: the monthly "You said, we did" digest of implemented ideas. */
    YOU_SAID_WE_DID
}
