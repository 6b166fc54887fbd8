package org.suggestionbox.platform.security;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.platform.directory.Role;

/**
 * A directory person signed in to the pages with OpenID Connect. It keeps the ID token, which
 * RP-initiated logout sends back to the provider as {@code id_token_hint} and whose {@code sid} lets the
 * provider's back-channel logout end this session.
 */
final class DirectoryOidcUser extends DirectoryUser implements OidcUser {

    private final OidcIdToken idToken;

    private final @Nullable OidcUserInfo userInfo;

    DirectoryOidcUser(Person person, Set<Role> roles, OidcIdToken idToken, @Nullable OidcUserInfo userInfo) {
        super(person, "", roles);
        this.idToken = idToken;
        this.userInfo = userInfo;
    }

    @Override
    public Map<String, Object> getClaims() {
        return this.idToken.getClaims();
    }

    @Override
    public @Nullable OidcUserInfo getUserInfo() {
        return this.userInfo;
    }

    @Override
    public OidcIdToken getIdToken() {
        return this.idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return this.idToken.getClaims();
    }

    @Override
    public String getName() {
        return id();
    }
}
