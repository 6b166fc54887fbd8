package org.suggestionbox.router.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.suggestionbox.router.idea.Owner;

class RoutingRulesTests {

    private static final Map<String, String> NAMES = Map.of("maya", "Maya Rosen", "jan", "Jan Kowalski",
            "lea", "Lea Fischer");

    private final RoutingRules rules = new RoutingRules(List.of(
            new RoutingRule("cx-owner", List.of("customer-experience"), "maya"),
            new RoutingRule("ops-owner", List.of("operations", "workplace"), "jan"),
            new RoutingRule("ops-shadow", List.of("operations"), "lea"),
            new RoutingRule("gone", List.of("legacy"), "bob")),
            "maya", id -> Optional.ofNullable(NAMES.get(id)));

    @Test
    void theFirstMatchingRuleWinsAndItsExplanationIsRecorded() {
        RoutingResult result = rules.route("operations");

        assertThat(result).isInstanceOf(RoutingResult.Routed.class);
        assertThat(result.owner()).isEqualTo(new Owner("jan", "Jan Kowalski"));
        assertThat(result.ruleId()).isEqualTo("ops-owner");
        assertThat(result.explanation()).isEqualTo("category operations is owned by Jan Kowalski (rule ops-owner)");
    }

    @Test
    void aRuleMatchesAnyOfItsCategoriesIgnoringCase() {
        assertThat(rules.route("Workplace").ruleId()).isEqualTo("ops-owner");
        assertThat(rules.route("customer-experience").explanation())
                .isEqualTo("category customer-experience is owned by Maya Rosen (rule cx-owner)");
    }

    @Test
    void anIdeaNoRuleMatchesGoesToTriage() {
        RoutingResult result = rules.route("other");

        assertThat(result).isInstanceOf(RoutingResult.Unroutable.class);
        assertThat(result.owner()).isEqualTo(new Owner("maya", "Maya Rosen"));
        assertThat(result.ruleId()).isEqualTo(RoutingRules.TRIAGE_RULE_ID);
        assertThat(result.explanation()).contains("no routing rule matches category other").contains("Maya Rosen");
    }

    @Test
    void aRuleNamingSomebodyNotInTheDirectoryFallsBackToTriage() {
        RoutingResult result = rules.route("legacy");

        assertThat(result).isInstanceOf(RoutingResult.Unroutable.class);
        assertThat(result.owner().id()).isEqualTo("maya");
        assertThat(result.explanation()).contains("rule gone").contains("bob");
    }

    @Test
    void theShippedRulesFileRoutesCustomerExperienceToMayaAndOperationsToJan() {
        List<RoutingRule> loaded = RoutingConfiguration.load(new ClassPathResource("routing-rules.yml"));
        RoutingRules shipped = new RoutingRules(loaded, "maya", id -> Optional.ofNullable(NAMES.get(id)));

        assertThat(shipped.route("customer-experience").owner().id()).isEqualTo("maya");
        assertThat(shipped.route("customer-experience").ruleId()).isEqualTo("cx-owner");
        assertThat(shipped.route("operations").owner().id()).isEqualTo("jan");
        assertThat(shipped.route("workplace")).isInstanceOf(RoutingResult.Unroutable.class);
    }

    @Test
    void aRuleFileMayListSeveralCategoriesForOneRule() {
        String yaml = """
                rules:
                  - id: both
                    category: [workplace, other]
                    owner: lea
                  - id: single
                    category: operations
                    owner: jan
                """;

        List<RoutingRule> loaded = RoutingConfiguration.load(new ByteArrayResource(yaml.getBytes()) {
            @Override
            public boolean exists() {
                return true;
            }
        });

        assertThat(loaded).containsExactly(new RoutingRule("both", List.of("workplace", "other"), "lea"),
                new RoutingRule("single", List.of("operations"), "jan"));
    }
}
