package org.suggestionbox.router.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.suggestionbox.router.idea.TeamStrategy;
import org.suggestionbox.router.idea.Violation;

/** Checks rules before they are used: unique ids, a target each, owners who are owners. */
public final class RuleValidator {

    private RuleValidator() {}

    /**
     * @param isOwner whether a directory id names a person with the {@code OWNER} role
     * @return one violation per problem, fields named {@code rules[i].field}; empty when all is well
     */
    public static List<Violation> violations(List<RuleDefinition> rules, Predicate<String> isOwner) {
        List<Violation> violations = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            RuleDefinition rule = rules.get(i);
            String at = "rules[" + i + "].";
            if (rule == null) {
                violations.add(new Violation("rules[" + i + "]", "A rule is missing."));
                continue;
            }
            if (rule.id() == null || rule.id().isBlank()) {
                violations.add(new Violation(at + "id", "Give the rule an id."));
            } else if (!ids.add(rule.id().strip())) {
                violations.add(new Violation(at + "id", "The id " + rule.id() + " is used by another rule."));
            }
            String named = rule.owner();
            String owner = named == null || named.isBlank() ? null : named.strip();
            List<String> team = RuleDefinition.orEmpty(rule.team());
            if ((owner != null) == !team.isEmpty()) {
                violations.add(new Violation(at + "owner", "Name either an owner or a team."));
            }
            List<String> candidates = owner != null ? List.of(owner) : team;
            for (String candidate : candidates) {
                if (!isOwner.test(candidate.strip())) {
                    violations.add(new Violation(
                            at + (owner != null ? "owner" : "team"),
                            candidate + " is not a person with the OWNER role in the directory."));
                }
            }
            if (rule.strategy() != null && !rule.strategy().isBlank()) {
                try {
                    TeamStrategy.valueOf(rule.strategy().strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException ex) {
                    violations.add(new Violation(at + "strategy", "Use ROUND_ROBIN or FEWEST_OPEN."));
                }
            }
        }
        return violations;
    }
}
