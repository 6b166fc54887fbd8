package org.suggestionbox.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** A valid bearer token becomes its directory person, or a 401 when the directory does not know them. */
final class DirectoryJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SignedInPeople people;

    DirectoryJwtAuthenticationConverter(SignedInPeople people) {
        this.people = people;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return this.people
                .person(jwt.getClaims())
                .map(person -> new DirectoryJwtAuthentication(
                        new DirectoryUser(person, "", this.people.roles(jwt.getClaims())), jwt))
                .orElseThrow(() -> new InvalidBearerTokenException(
                        "The token's " + this.people.personClaim() + " claim names no one in the directory."));
    }
}
