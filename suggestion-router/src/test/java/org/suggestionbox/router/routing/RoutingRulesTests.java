package org.suggestionbox.router.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.suggestionbox.router.idea.Owner;
import org.suggestionbox.router.idea.TeamStrategy;

class RoutingRulesTests {

    private static final Map<String, String> NAMES =
            Map.of("maya", "Maya Rosen", "jan", "Jan Kowalski", "lea", "Lea Fischer");

    private final RoutingRules rules = new RoutingRules(
            List.of(
                    new RoutingRule("cx-owner", List.of("customer-experience"), "maya"),
                    new RoutingRule("ops-owner", List.of("operations", "workplace"), "jan"),
                    new RoutingRule("ops-shadow", List.of("operations"), "lea"),
                    new RoutingRule("gone", List.of("legacy"), "bob")),
            "maya",
            id -> Optional.ofNullable(NAMES.get(id)));

    @Test
    void theFirstMatchingRuleWinsAndItsExplanationIsRecorded() {
        RoutingResult result = rules.route("operations");

        assertThat(result).isInstanceOf(RoutingResult.Routed.class);
        assertThat(result.owner()).isEqualTo(new Owner("jan", "Jan Kowalski"));
        assertThat(result.ruleId()).isEqualTo("ops-owner");
        assertThat(result.explanation())
                .isEqualTo("category 'operations' matched rule ops-owner; owned by Jan Kowalski");
    }

    @Test
    void aRuleMatchesAnyOfItsCategoriesIgnoringCase() {
        assertThat(rules.route("Workplace").ruleId()).isEqualTo("ops-owner");
        assertThat(rules.route("customer-experience").explanation())
                .isEqualTo("category 'customer-experience' matched rule cx-owner; owned by Maya Rosen");
    }

    @Test
    void anIdeaNoRuleMatchesGoesToTriage() {
        RoutingResult result = rules.route("other");

        assertThat(result).isInstanceOf(RoutingResult.Unroutable.class);
        assertThat(result.owner()).isEqualTo(new Owner("maya", "Maya Rosen"));
        assertThat(result.ruleId()).isEqualTo(RoutingRules.TRIAGE_RULE_ID);
        assertThat(result.explanation())
                .contains("no routing rule matches category other")
                .contains("Maya Rosen");
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

        assertThat(loaded)
                .containsExactly(
                        new RoutingRule("both", List.of("workplace", "other"), "lea"),
                        new RoutingRule("single", List.of("operations"), "jan"));
    }

    private static final Map<String, Long> OPEN = Map.of("maya", 4L, "jan", 2L, "lea", 2L);

    private final java.util.concurrent.atomic.AtomicLong turns = new java.util.concurrent.atomic.AtomicLong();

    private final TeamLoad fakeLoad = new TeamLoad() {
        @Override
        public long nextTurn(String ruleId) {
            return turns.incrementAndGet();
        }

        @Override
        public long openIdeas(String personId) {
            return OPEN.getOrDefault(personId, 0L);
        }
    };

    private RoutingRules rich(RoutingRule... rules) {
        return new RoutingRules(List.of(rules), "maya", id -> Optional.ofNullable(NAMES.get(id)), fakeLoad);
    }

    private static RoutingRule rule(
            String id, List<String> categories, List<String> departments, List<String> keywords, String owner) {
        return new RoutingRule(id, categories, departments, keywords, owner, List.of(), TeamStrategy.ROUND_ROBIN);
    }

    @Test
    void aDepartmentRuleMatchesOnlyIdeasFromThoseDepartments() {
        RoutingRules routing = rich(rule("logistics", List.of(), List.of("Logistics", "Warehouse"), List.of(), "jan"));

        RoutingResult fromLogistics = routing.route(new RoutingRequest("workplace", "logistics", "Fans", "It is hot"));
        RoutingResult fromService =
                routing.route(new RoutingRequest("workplace", "Customer Service", "Fans", "It is hot"));
        RoutingResult unknown = routing.route(new RoutingRequest("workplace", null, "Fans", "It is hot"));

        assertThat(fromLogistics.owner().id()).isEqualTo("jan");
        assertThat(fromLogistics.explanation())
                .isEqualTo("department 'logistics' matched rule logistics; owned by Jan Kowalski");
        assertThat(fromService).isInstanceOf(RoutingResult.Unroutable.class);
        assertThat(unknown).isInstanceOf(RoutingResult.Unroutable.class);
    }

    @Test
    void anAnonymousIdeaWithoutItsDepartmentFallsThroughDepartmentRulesToTheCategoryRule() {
        // intake withholds the department of an anonymous submitter from a department of fewer than k people
        RoutingRules routing = rich(
                rule("logistics-ops", List.of("operations"), List.of("Logistics"), List.of(), "jan"),
                rule("cx-owner", List.of("operations"), List.of(), List.of(), "maya"));

        RoutingResult withheld = routing.route(new RoutingRequest("operations", null, "Fans", "It is hot"));

        assertThat(withheld).isInstanceOf(RoutingResult.Routed.class);
        assertThat(withheld.ruleId()).isEqualTo("cx-owner");
        assertThat(withheld.owner().id()).isEqualTo("maya");
    }

    @Test
    void aKeywordMatchesAsAWholeWordInTitleOrDescriptionIgnoringCase() {
        RoutingRules routing =
                rich(rule("ops-safety", List.of(), List.of(), List.of("forklift", "pallet jack"), "jan"));

        assertThat(routing.route(new RoutingRequest("other", null, "FORKLIFT lane", ""))
                        .ruleId())
                .isEqualTo("ops-safety");
        assertThat(routing.route(new RoutingRequest("other", null, "Lanes", "the Pallet Jack squeaks."))
                        .explanation())
                .isEqualTo("keyword 'pallet jack' matched rule ops-safety; owned by Jan Kowalski");
        assertThat(routing.route(new RoutingRequest("other", null, "Forklifts everywhere", "no forklifting")))
                .isInstanceOf(RoutingResult.Unroutable.class);
    }

    @Test
    void allMatchersOfARuleMustMatchAndTheExplanationNamesEach() {
        RoutingRules routing = rich(
                rule("ops-safety", List.of("operations"), List.of("logistics"), List.of("forklift"), "jan"),
                rule("ops", List.of("operations"), List.of(), List.of(), "lea"));

        RoutingResult all = routing.route(new RoutingRequest("operations", "Logistics", "Forklift mirrors", ""));
        RoutingResult noKeyword = routing.route(new RoutingRequest("operations", "Logistics", "Mirrors", ""));

        assertThat(all.explanation())
                .isEqualTo(
                        "category 'operations', department 'Logistics', keyword 'forklift' matched rule ops-safety; owned by Jan Kowalski");
        assertThat(noKeyword.ruleId()).isEqualTo("ops");
        assertThat(noKeyword.owner().id()).isEqualTo("lea");
    }

    @Test
    void roundRobinTakesTurnsThroughTheTeamInOrder() {
        RoutingRules routing = rich(new RoutingRule(
                "cx-team",
                List.of("customer-experience"),
                List.of(),
                List.of(),
                null,
                List.of("maya", "jan", "lea"),
                TeamStrategy.ROUND_ROBIN));

        List<String> owners = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> routing.route("customer-experience").owner().id())
                .toList();

        assertThat(owners).containsExactly("maya", "jan", "lea", "maya");
        assertThat(routing.route("customer-experience").explanation())
                .isEqualTo(
                        "category 'customer-experience' matched rule cx-team; team strategy ROUND_ROBIN chose Jan Kowalski");
    }

    @Test
    void roundRobinSkipsMembersWhoAreNoLongerOwners() {
        RoutingRules routing = rich(new RoutingRule(
                "cx-team",
                List.of(),
                List.of(),
                List.of(),
                null,
                List.of("maya", "bob", "jan"),
                TeamStrategy.ROUND_ROBIN));

        assertThat(List.of(
                        routing.route("x").owner().id(),
                        routing.route("x").owner().id(),
                        routing.route("x").owner().id()))
                .containsExactly("maya", "jan", "maya");
    }

    @Test
    void fewestOpenPicksTheLeastLoadedMemberAndBreaksTiesById() {
        RoutingRules routing = rich(new RoutingRule(
                "ops-safety",
                List.of(),
                List.of(),
                List.of("forklift"),
                null,
                List.of("maya", "lea", "jan"),
                TeamStrategy.FEWEST_OPEN));

        RoutingResult result = routing.route(new RoutingRequest("operations", null, "Forklift", ""));

        assertThat(result.owner()).isEqualTo(new Owner("jan", "Jan Kowalski"));
        assertThat(result.explanation())
                .isEqualTo("keyword 'forklift' matched rule ops-safety; team strategy FEWEST_OPEN chose Jan Kowalski");
    }

    @Test
    void aMatchingRuleWithoutEligibleOwnersIsSkippedForTheNextMatchingRule() {
        RoutingRules routing = rich(
                rule("gone", List.of("operations"), List.of(), List.of(), "bob"),
                rule("ops", List.of("operations"), List.of(), List.of(), "jan"));

        RoutingResult result = routing.route("operations");

        assertThat(result.ruleId()).isEqualTo("ops");
        assertThat(result.owner().id()).isEqualTo("jan");
    }

    @Test
    void aRulesFileMayUseEveryMatcherAndStrategy() {
        String yaml = """
                rules:
                  - id: ops-safety
                    keywords: [forklift, pallet jack]
                    team: [jan, lea]
                    strategy: FEWEST_OPEN
                  - id: logistics
                    department: Logistics
                    category: [operations, workplace]
                    owner: jan
                  - id: cx-team
                    category: customer-experience
                    team: [maya, jan]
                    strategy: ROUND_ROBIN
                """;

        List<RoutingRule> loaded = RoutingConfiguration.load(new ByteArrayResource(yaml.getBytes()) {
            @Override
            public boolean exists() {
                return true;
            }
        });

        assertThat(loaded)
                .containsExactly(
                        new RoutingRule(
                                "ops-safety",
                                List.of(),
                                List.of(),
                                List.of("forklift", "pallet jack"),
                                null,
                                List.of("jan", "lea"),
                                TeamStrategy.FEWEST_OPEN),
                        new RoutingRule(
                                "logistics",
                                List.of("operations", "workplace"),
                                List.of("logistics"),
                                List.of(),
                                "jan",
                                List.of(),
                                TeamStrategy.ROUND_ROBIN),
                        new RoutingRule(
                                "cx-team",
                                List.of("customer-experience"),
                                List.of(),
                                List.of(),
                                null,
                                List.of("maya", "jan"),
                                TeamStrategy.ROUND_ROBIN));
    }

    @Test
    void theValidatorWantsUniqueIdsATargetAndOwnersWhoAreOwners() {
        List<RuleDefinition> definitions = List.of(
                new RuleDefinition("a", List.of("operations"), null, null, "jan", null, null),
                new RuleDefinition("a", List.of("workplace"), null, null, null, null, null),
                new RuleDefinition("b", null, null, List.of("forklift"), null, List.of("jan", "piotr"), "FASTEST"),
                new RuleDefinition(" ", null, null, null, "maya", List.of("jan"), null));

        List<String> fields = RuleValidator.violations(
                        definitions, id -> List.of("maya", "jan").contains(id))
                .stream()
                .map(violation -> violation.field())
                .toList();

        assertThat(fields)
                .containsExactly(
                        "rules[1].id",
                        "rules[1].owner",
                        "rules[2].team",
                        "rules[2].strategy",
                        "rules[3].id",
                        "rules[3].owner");
        assertThat(RuleValidator.violations(definitions.subList(0, 1), id -> true))
                .isEmpty();
    }
}
