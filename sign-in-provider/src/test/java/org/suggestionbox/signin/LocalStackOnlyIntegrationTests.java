package org.suggestionbox.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The provider is the local stack's stand-in for a company's identity provider, with one shared demo password:
 * without the {@code local} profile it refuses to start, however completely it is configured, and says what
 * production uses instead.
 */
@ExtendWith(OutputCaptureExtension.class)
class LocalStackOnlyIntegrationTests {

    /**
     * Every variable the provider reads, none of them a published value: nothing but the profile is missing. (As
     * default properties they fill {@code application.yml}'s placeholders as environment variables would.)
     */
    private static final Map<String, Object> EVERY_VARIABLE = Map.of(
            "SERVER_PORT", "0",
            "SIGNIN_ISSUER", "",
            "SIGNIN_DEMO_PASSWORD", "a-password-of-our-own",
            "INTAKE_OIDC_CLIENT_SECRET", "intake-secret-of-our-own",
            "ROUTER_OIDC_CLIENT_SECRET", "router-secret-of-our-own",
            "NOTIFIER_OIDC_CLIENT_SECRET", "notifier-secret-of-our-own",
            "HR_SYNC_CLIENT_SECRET", "hr-sync-secret-of-our-own");

    @Test
    void withoutTheLocalProfileTheProviderRefusesToStartAndSaysWhatToUseInstead(CapturedOutput output) {
        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> starts())
                .withMessageContaining("the local stack's stand-in for a company's identity provider")
                .withMessageContaining("SPRING_PROFILES_ACTIVE=local")
                .withMessageContaining("OIDC_ISSUER_URI");
        assertThat(output)
                .as("the failure analysis")
                .contains("APPLICATION FAILED TO START")
                .contains("It has no production mode")
                .contains("docker-compose.yml runs Keycloak");
    }

    @Test
    void underTheLocalProfileItStartsAsBefore() {
        assertThat(starts("local")).isTrue();
    }

    /** Whether the provider started with every variable and the given profiles; it is stopped again. */
    private static boolean starts(String... profiles) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SignInProviderApplication.class)
                .profiles(profiles)
                .properties(EVERY_VARIABLE)
                .run()) {
            return context.isRunning();
        }
    }
}
