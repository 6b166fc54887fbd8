package org.suggestionbox.signin;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the provider without the {@code local} profile. It is the local stack's stand-in for a
 * company's identity provider: every demo person signs in with one shared password, the admin included, and its
 * clients' secrets have test defaults. Production has no {@code local} profile and signs people in at a real
 * provider (Keycloak in docker-compose.yml), so there is no production mode to configure here.
 *
 * <p>Runs once the configuration files are read (so the active profiles are known) and before anything else
 * starts; {@link LocalStackOnlyFailureAnalyzer} explains the refusal.
 */
class LocalStackOnly implements EnvironmentPostProcessor, Ordered {

    static final String LOCAL_PROFILE = "local";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE))) {
            throw new NotLocal();
        }
    }

    /** Thrown before the application context exists when the provider is started without the local profile. */
    static final class NotLocal extends IllegalStateException {

        NotLocal() {
            super("The sign-in provider is the local stack's stand-in for a company's identity provider (one shared "
                    + "demo password for every person) and runs only under the 'local' profile "
                    + "(SPRING_PROFILES_ACTIVE=local, as ./local-stack.sh starts it). In production the services sign "
                    + "people in at the company's OpenID Connect provider, e.g. Keycloak as in docker-compose.yml: "
                    + "set OIDC_ISSUER_URI and OIDC_CLIENT_SECRET on each service.");
        }
    }
}
