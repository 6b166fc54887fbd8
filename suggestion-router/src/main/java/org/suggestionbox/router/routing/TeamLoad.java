package org.suggestionbox.router.routing;

/** What the team strategies need to know, kept behind an interface so rules can be tested without MongoDB. */
public interface TeamLoad {

    /** Takes the next turn of a round-robin rule: 1 the first time, then 2, 3, … (atomic across instances). */
    long nextTurn(String ruleId);

    /** How many undecided ideas the person owns. */
    long openIdeas(String personId);
}
