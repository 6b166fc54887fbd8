package org.suggestionbox.signin.token;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.suggestionbox.signin.SignInProperties;
import org.suggestionbox.signin.SignInProperties.Machine;
import org.suggestionbox.signin.people.DemoPeople;
import org.suggestionbox.signin.people.Person;

/**
 * What the tokens say. A person's ID and access tokens carry {@code sub} and {@code preferred_username} (the
 * directory id), {@code email}, {@code name} and {@code roles}; the access token's {@code aud} is the one client it
 * was issued to, so each service refuses tokens issued for another. A machine caller's access token carries the
 * email and roles of the person it acts as, and {@code aud} = the services it asked for as scopes.
 */
final class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final DemoPeople people;

    private final SignInProperties properties;

    TokenClaims(DemoPeople people, SignInProperties properties) {
        this.people = people;
        this.properties = properties;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        String clientId = context.getRegisteredClient().getClientId();
        JwtClaimsSet.Builder claims = context.getClaims();
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            Machine machine = properties.machines().get(clientId);
            if (machine == null) {
                return;
            }
            people.byId(machine.person()).ifPresent(person -> {
                claims.claim("email", person.email());
                claims.claim("name", person.name());
                claims.claim("roles", person.roles());
            });
            List<String> services = audience(context.getAuthorizedScopes());
            if (!services.isEmpty()) {
                claims.audience(services);
            }
            return;
        }
        people.byId(Objects.requireNonNull(context.<Authentication>getPrincipal(), "principal")
                        .getName())
                .ifPresent(person -> personClaims(claims, person));
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            claims.audience(List.of(clientId));
        }
    }

    private List<String> audience(Set<String> scopes) {
        return scopes.stream()
                .filter(properties.services()::containsKey)
                .sorted()
                .toList();
    }

    private static void personClaims(JwtClaimsSet.Builder claims, Person person) {
        claims.subject(person.id());
        claims.claim("preferred_username", person.id());
        claims.claim("email", person.email());
        claims.claim("name", person.name());
        claims.claim("roles", person.roles());
    }
}
