package org.suggestionbox.router.idea;

/** How a rule targeting a team picks one member. */
public enum TeamStrategy {
    /** In turn, by an atomic counter per rule shared by all router instances. */
    ROUND_ROBIN,
    /** The member with the fewest undecided ideas; ties go to the smallest id. */
    FEWEST_OPEN
}
