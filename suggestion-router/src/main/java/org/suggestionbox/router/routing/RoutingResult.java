package org.suggestionbox.router.routing;

import org.suggestionbox.router.idea.Owner;
import org.suggestionbox.router.idea.RoutedBecause;

/** Where routing sent an idea, and why. Either way the idea has an owner: nothing is dropped. */
public sealed interface RoutingResult permits RoutingResult.Routed, RoutingResult.Unroutable {

    Owner owner();

    /** The rule id recorded on the idea ({@value RoutingRules#TRIAGE_RULE_ID} for triage). */
    String ruleId();

    /** Why the owner got the idea, in parts a page says in its reader's language. */
    RoutedBecause because();

    /** Why the owner got the idea, in English. */
    default String explanation() {
        return because().inEnglish();
    }

    /** A rule matched. */
    record Routed(RoutingRule rule, Owner owner, RoutedBecause because) implements RoutingResult {

        @Override
        public String ruleId() {
            return rule.id();
        }
    }

    /** No rule matched: the idea goes to the triage owner. */
    record Unroutable(Owner owner, RoutedBecause because) implements RoutingResult {

        @Override
        public String ruleId() {
            return RoutingRules.TRIAGE_RULE_ID;
        }
    }
}
