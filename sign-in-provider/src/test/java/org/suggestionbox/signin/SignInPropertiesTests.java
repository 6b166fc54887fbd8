package org.suggestionbox.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.suggestionbox.signin.SignInProperties.Machine;
import org.suggestionbox.signin.SignInProperties.Service;

class SignInPropertiesTests {

    private static final List<URI> ROUTER_URLS = List.of(URI.create("http://localhost:8082"));

    @Test
    void everyMissingSecretIsNamedAtOnce() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(
                        null,
                        Map.of(
                                "suggestion-router", new Service(null, ROUTER_URLS),
                                "feedback-notifier", new Service(" ", ROUTER_URLS)),
                        Map.of("hr-sync", new Machine(null, "admin", List.of()))))
                .withMessageContaining("SIGNIN_DEMO_PASSWORD")
                .withMessageContaining("ROUTER_OIDC_CLIENT_SECRET")
                .withMessageContaining("NOTIFIER_OIDC_CLIENT_SECRET")
                .withMessageContaining("HR_SYNC_CLIENT_SECRET");
    }

    @Test
    void serviceWithoutBaseUrlIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        properties("demo", Map.of("suggestion-router", new Service("s", List.of())), Map.of()))
                .withMessageContaining("signin.services.suggestion-router.base-urls");
    }

    @Test
    void blankIssuerMeansTheRequestsHost() {
        SignInProperties properties =
                properties("demo", Map.of("suggestion-router", new Service("s", ROUTER_URLS)), Map.of());

        assertThat(properties.issuerOrNull()).isNull();
        assertThat(properties.jwkLocationOrNull()).isNull();
    }

    private static SignInProperties properties(
            String demoPassword, Map<String, Service> services, Map<String, Machine> machines) {
        return new SignInProperties(
                " ",
                new ClassPathResource("directory/demo-directory.json"),
                demoPassword,
                "",
                services,
                machines,
                Duration.ofSeconds(2));
    }
}
