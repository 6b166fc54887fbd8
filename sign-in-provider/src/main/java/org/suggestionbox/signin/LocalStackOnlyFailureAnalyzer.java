package org.suggestionbox.signin;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says what to use instead when the provider is started without the {@code local} profile. */
class LocalStackOnlyFailureAnalyzer extends AbstractFailureAnalyzer<LocalStackOnly.NotLocal> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, LocalStackOnly.NotLocal cause) {
        String description = "No 'local' profile is active. The sign-in provider is the local stack's stand-in for "
                + "a company's identity provider: every demo person, the admin included, signs in with one shared "
                + "password. It has no production mode.";
        String action = "To run the local stack, start it with ./local-stack.sh (or SPRING_PROFILES_ACTIVE=local). "
                + "In production, run a real OpenID Connect provider (docker-compose.yml runs Keycloak with "
                + "ops/keycloak/suggestionbox-realm.json) and set OIDC_ISSUER_URI and OIDC_CLIENT_SECRET on each "
                + "service; see the README's Signing in section.";
        return new FailureAnalysis(description, action, cause);
    }
}
