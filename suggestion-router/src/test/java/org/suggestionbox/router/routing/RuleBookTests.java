package org.suggestionbox.router.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
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
        assertThatIllegalStateException()
                .isThrownBy(() -> ruleBook(TestRouterProperties.with(null, "alice")))
                .withMessageContaining("'alice'")
                .withMessageContaining("SUGGESTIONBOX_ROUTER_TRIAGEOWNER")
                .withMessageContaining("OWNER role");
        assertThatIllegalStateException()
                .isThrownBy(() -> ruleBook(TestRouterProperties.with(null, "nobody")))
                .withMessageContaining("'nobody'");
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
