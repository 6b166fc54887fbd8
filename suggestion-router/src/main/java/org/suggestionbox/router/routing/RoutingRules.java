package org.suggestionbox.router.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.suggestionbox.router.idea.Owner;
import org.suggestionbox.router.idea.RoutedBecause;

/**
 * The routing rules in order: the first rule that matches and has an eligible candidate wins. A
 * matching rule whose candidates are all gone from the directory (or are no longer owners) is skipped
 * and the next rule tried; an idea no rule can take goes to the triage owner — never dropped.
 */
public final class RoutingRules {

    public static final String TRIAGE_RULE_ID = "triage";

    private final List<RoutingRule> rules;
    private final String triageOwnerId;
    private final Function<String, Optional<String>> owners;
    private final TeamLoad load;

    /**
     * @param owners the display name of a directory id that may own ideas; empty when the person is
     *        unknown or not an owner
     * @param load turns and open-idea counts for team strategies
     */
    public RoutingRules(
            List<RoutingRule> rules, String triageOwnerId, Function<String, Optional<String>> owners, TeamLoad load) {
        this.rules = List.copyOf(rules);
        this.triageOwnerId = triageOwnerId;
        this.owners = owners;
        this.load = load;
    }

    /** Rules with single owners only (no team strategies need answering). */
    public RoutingRules(List<RoutingRule> rules, String triageOwnerId, Function<String, Optional<String>> owners) {
        this(rules, triageOwnerId, owners, new TeamLoad() {
            @Override
            public long nextTurn(String ruleId) {
                throw new UnsupportedOperationException("No team load source");
            }

            @Override
            public long openIdeas(String personId) {
                throw new UnsupportedOperationException("No team load source");
            }
        });
    }

    public RoutingResult route(String category) {
        return route(RoutingRequest.ofCategory(category));
    }

    public RoutingResult route(RoutingRequest request) {
        List<RoutedBecause.Unowned> unowned = new ArrayList<>();
        for (RoutingRule rule : rules) {
            List<RoutedBecause.Match> matched = rule.matches(request);
            if (matched == null) {
                continue;
            }
            List<Owner> eligible = rule.candidates().stream()
                    .flatMap(id -> owners.apply(id).map(name -> new Owner(id, name)).stream())
                    .toList();
            if (eligible.isEmpty()) {
                unowned.add(new RoutedBecause.Unowned(rule.id(), rule.candidates()));
                continue;
            }
            if (!rule.isTeam()) {
                Owner owner = eligible.getFirst();
                return new RoutingResult.Routed(rule, owner, RoutedBecause.toOwner(rule.id(), matched, owner.name()));
            }
            Owner chosen = switch (rule.strategy()) {
                case ROUND_ROBIN -> eligible.get((int) Math.floorMod(load.nextTurn(rule.id()) - 1, eligible.size()));
                case FEWEST_OPEN ->
                    eligible.stream()
                            .min(Comparator.comparingLong((Owner owner) -> load.openIdeas(owner.id()))
                                    .thenComparing(Owner::id))
                            .orElseThrow();
            };
            return new RoutingResult.Routed(
                    rule, chosen, RoutedBecause.toTeamMember(rule.id(), matched, rule.strategy(), chosen.name()));
        }
        Owner triage = triageOwner();
        return new RoutingResult.Unroutable(triage, RoutedBecause.toTriage(request.category(), unowned, triage.name()));
    }

    public List<RoutingRule> rules() {
        return rules;
    }

    private Owner triageOwner() {
        return new Owner(triageOwnerId, owners.apply(triageOwnerId).orElse(triageOwnerId));
    }
}
