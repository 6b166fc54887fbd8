package org.suggestionbox.platform.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/** A call to {@code /api} with a bearer token: the principal is the directory person it names. */
final class DirectoryJwtAuthentication extends AbstractAuthenticationToken {

    private final DirectoryUser user;

    private final Jwt token;

    DirectoryJwtAuthentication(DirectoryUser user, Jwt token) {
        super(user.getAuthorities());
        this.user = user;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return this.token;
    }

    @Override
    public DirectoryUser getPrincipal() {
        return this.user;
    }

    @Override
    public String getName() {
        return this.user.id();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof DirectoryJwtAuthentication that && this.token.equals(that.token);
    }

    @Override
    public int hashCode() {
        return this.token.hashCode();
    }
}
