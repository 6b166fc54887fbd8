package org.suggestionbox.router.idea;

/**
 * Who owns an idea and why: the owner, the routing rule that chose her (or triage) and the reasons
 * in parts. A reassignment changes the owner and keeps how the idea was first routed.
 */
public record Assignment(Owner owner, String ruleId, RoutedBecause because) {

    Assignment withOwner(Owner newOwner) {
        return new Assignment(newOwner, ruleId, because);
    }
}
