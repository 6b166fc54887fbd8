package org.suggestionbox.systemtests;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.suggestionbox.localstack.LocalSecrets;
import org.suggestionbox.testing.OidcLogin;

/**
 * Bearer tokens as production hands them out: the person signs in at the local stack's OpenID Connect
 * provider (the authorization-code flow with PKCE, scripted) for one service, whose client exchanges the
 * code; the access token's audience is that service alone. One provider session per person, so the second
 * and third service sign the person in without a password, as in a browser.
 */
final class OidcCredentials implements Credentials {

    private final RunningStack stack;

    private final Map<String, OidcLogin> browsers = new ConcurrentHashMap<>();

    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    OidcCredentials(RunningStack stack) {
        this.stack = stack;
    }

    @Override
    public Map<String, String> headers(String person, String audience) {
        return Map.of("Authorization", "Bearer " + accessToken(person, audience));
    }

    String accessToken(String person, String audience) {
        return this.tokens.computeIfAbsent(person + " " + audience, key -> {
            OidcLogin browser =
                    this.browsers.computeIfAbsent(person, name -> new OidcLogin(URI.create(this.stack.signInUrl())));
            return browser.signIn(
                            client(audience), OidcLogin.redirectUriOf(URI.create(baseUrl(audience))), person, "demo")
                    .accessToken();
        });
    }

    private OidcLogin.Client client(String service) {
        String secret = switch (service) {
            case "suggestion-intake" -> LocalSecrets.INTAKE_OIDC_CLIENT_SECRET;
            case "suggestion-router" -> LocalSecrets.ROUTER_OIDC_CLIENT_SECRET;
            case "feedback-notifier" -> LocalSecrets.NOTIFIER_OIDC_CLIENT_SECRET;
            default -> throw new IllegalArgumentException(service);
        };
        return new OidcLogin.Client(service, this.stack.secrets().get(secret));
    }

    private String baseUrl(String service) {
        return switch (service) {
            case "suggestion-intake" -> this.stack.intakeUrl();
            case "suggestion-router" -> this.stack.routerUrl();
            case "feedback-notifier" -> this.stack.notifierUrl();
            default -> throw new IllegalArgumentException(service);
        };
    }
}
