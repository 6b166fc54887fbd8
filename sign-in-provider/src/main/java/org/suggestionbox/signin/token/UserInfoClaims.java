package org.suggestionbox.signin.token;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.suggestionbox.signin.people.DemoPeople;

/**
 * The UserInfo endpoint's answer: the same person claims the ID token carries, {@code roles} included (the default
 * mapper of Spring Authorization Server would drop it, and a service merging UserInfo into its user keeps it).
 */
public final class UserInfoClaims implements Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {

    private final DemoPeople people;

    UserInfoClaims(DemoPeople people) {
        this.people = people;
    }

    @Override
    public OidcUserInfo apply(OidcUserInfoAuthenticationContext context) {
        String subject = context.getAuthorization().getPrincipalName();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        people.byId(subject).ifPresent(person -> {
            claims.put("preferred_username", person.id());
            claims.put("name", person.name());
            claims.put("email", person.email());
            claims.put("roles", person.roles());
        });
        return new OidcUserInfo(claims);
    }
}
