package org.suggestionbox.router.idea;

/** What can be done to an idea; {@link IdeaState#allows(IdeaAction)} says in which states. */
public enum IdeaAction {
    ASSIGN,
    START_REVIEW,
    EXPLORE,
    DECLINE,
    MERGE,
    REASSIGN,
    START_PROGRESS,
    IMPLEMENT,
    SHELVE,
    MARK_ANSWERED,
    ESCALATE,
    /** Say "me too", or take it back. */
    SUPPORT,
    AGREE_TO_BE_NAMED
}
