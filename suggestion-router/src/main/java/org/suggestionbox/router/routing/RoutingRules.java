package org.suggestionbox.router.routing;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.suggestionbox.router.idea.Owner;

/**
 * The routing rules in order: the first rule whose category matches wins; an idea no rule matches
 * (or whose rule names somebody no longer in the directory) goes to the triage owner.
 */
public final class RoutingRules {

    public static final String TRIAGE_RULE_ID = "triage";

    private final List<RoutingRule> rules;
    private final String triageOwnerId;
    private final Function<String, Optional<String>> names;

    /**
     * @param names looks up the display name of a directory id; empty when the person is unknown
     */
    public RoutingRules(List<RoutingRule> rules, String triageOwnerId, Function<String, Optional<String>> names) {
        this.rules = List.copyOf(rules);
        this.triageOwnerId = triageOwnerId;
        this.names = names;
    }

    public RoutingResult route(String category) {
        for (RoutingRule rule : rules) {
            if (rule.matches(category)) {
                Optional<String> name = names.apply(rule.owner());
                if (name.isPresent()) {
                    return new RoutingResult.Routed(rule, new Owner(rule.owner(), name.get()),
                            "category " + category + " is owned by " + name.get() + " (rule " + rule.id() + ")");
                }
                Owner triage = triageOwner();
                return new RoutingResult.Unroutable(triage, "rule " + rule.id() + " names " + rule.owner()
                        + ", who is not in the directory; sent to triage owner " + triage.name());
            }
        }
        Owner triage = triageOwner();
        return new RoutingResult.Unroutable(triage,
                "no routing rule matches category " + category + "; sent to triage owner " + triage.name());
    }

    public List<RoutingRule> rules() {
        return rules;
    }

    private Owner triageOwner() {
        return new Owner(triageOwnerId, names.apply(triageOwnerId).orElse(triageOwnerId));
    }
}
