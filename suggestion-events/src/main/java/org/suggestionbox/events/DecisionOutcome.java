package org.suggestionbox.events;

/** What an owner decided about an idea. */
public enum DecisionOutcome {
    /** The idea will be explored; a next step and an expected date come with it. */
    EXPLORE,
    /** The idea is declined; a reason code and a written explanation come with it. */
    DECLINE
}
