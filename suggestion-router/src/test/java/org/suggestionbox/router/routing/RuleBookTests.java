package org.suggestionbox.router.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.router.config.RouterProperties;
import org.suggestionbox.router.storage.IdeaStore;
import org.suggestionbox.router.support.TestRouterProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules a router starts with outside the {@code local} profile: none unless a file is named, so every idea
 * goes to the triage owner, who must be an owner in the directory; the demo company's file and owner are the
 * {@code local} profile's.
 */
class RuleBookTests {

    private static final Directory DEMO = new Directory(
            new DefaultResourceLoader(), JsonMapper.builder().build(), "classpath:directory/demo-directory.json");

    private final RuleStore store = mock(RuleStore.class);

    @Test
    void withoutARulesFileEveryIdeaGoesToTheTriageOwnerUntilAnAdministratorStoresRules() {
        when(store.load()).thenReturn(Optional.empty());
        RuleBook book = ruleBook(TestRouterProperties.with(null, "jan"));

        RoutingResult routed = book.route(new RoutingRequest("customer-experience", null, "Fans", "It is hot"));

        assertThat(book.current()).isEmpty();
        assertThat(routed).isInstanceOf(RoutingResult.Unroutable.class);
        assertThat(routed.owner().id()).isEqualTo("jan");
    }

    @Test
    void theDemoCompanysRulesFileStillRoutesByItsRules() {
        when(store.load()).thenReturn(Optional.empty());
        RuleBook book = ruleBook(TestRouterProperties.with("classpath:routing-rules.yml", "maya"));

        RoutingResult routed = book.route(RoutingRequest.ofCategory("operations"));

        assertThat(routed).isInstanceOf(RoutingResult.Routed.class);
        assertThat(routed.owner().id()).isEqualTo("jan");
    }

    @Test
    void aTriageOwnerWhoIsNoOwnerInTheDirectoryStopsTheStart() {
        assertThatExceptionOfType(TriageOwnerNotAnOwner.class)
                .isThrownBy(() -> ruleBook(TestRouterProperties.with(null, "alice")))
                .withMessageContaining("'alice'")
                .withMessageContaining("SUGGESTIONBOX_ROUTER_TRIAGEOWNER")
                .withMessageContaining("OWNER role");
        assertThatExceptionOfType(TriageOwnerNotAnOwner.class)
                .isThrownBy(() -> ruleBook(TestRouterProperties.with(null, "nobody")))
                .withMessageContaining("'nobody'");
    }

    /** Spring Boot's report of the failed start says what the failure means and what to set, not only a trace. */
    @Test
    void theFailedStartIsExplainedByTheRoutersFailureAnalyzer() {
        TriageOwnerNotAnOwner refusal = new TriageOwnerNotAnOwner("alice");
        List<FailureAnalyzer> registered = SpringFactoriesLoader.forDefaultResourceLocation(
                        getClass().getClassLoader())
                .load(FailureAnalyzer.class, FailureHandler.logging(LogFactory.getLog(RuleBookTests.class)));

        FailureAnalysis analysis = registered.stream()
                .map(analyzer ->
                        analyzer.analyze(new BeanCreationException("ruleBook", "the constructor threw", refusal)))
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow();

        assertThat(analysis.getDescription())
                .contains("'alice' is not a person with the OWNER role")
                .contains("every idea no routing rule matches");
        assertThat(analysis.getAction())
                .contains("SUGGESTIONBOX_ROUTER_TRIAGEOWNER")
                .contains("roles include OWNER");
    }

    @Test
    void aTriageOwnerMustBeNamed() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TestRouterProperties.with(null, " "))
                .withMessageContaining("SUGGESTIONBOX_ROUTER_TRIAGEOWNER");
    }

    private RuleBook ruleBook(RouterProperties properties) {
        return new RuleBook(
                new DefaultResourceLoader(), store, mock(IdeaStore.class), DEMO, properties, Clock.systemUTC());
    }
}
