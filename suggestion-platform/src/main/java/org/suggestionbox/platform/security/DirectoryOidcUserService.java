package org.suggestionbox.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Signs a person in to the pages after the provider vouched for them: the directory must know them by
 * the person claim, or the sign-in fails with {@value #NOT_IN_DIRECTORY} (a page says so).
 */
final class DirectoryOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String NOT_IN_DIRECTORY = "not_in_directory";

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryOidcUserService.class);

    private final OidcUserService delegate = new OidcUserService();

    private final SignedInPeople people;

    DirectoryOidcUserService(SignedInPeople people) {
        this.people = people;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = this.delegate.loadUser(request);
        return this.people
                .person(user.getClaims())
                .<OidcUser>map(person -> new DirectoryOidcUser(
                        person, this.people.roles(user.getClaims()), user.getIdToken(), user.getUserInfo()))
                .orElseThrow(() -> {
                    LOG.info(
                            "Refused a sign-in: the directory has no one for the provider's {} claim",
                            this.people.personClaim());
                    return new OAuth2AuthenticationException(
                            new OAuth2Error(NOT_IN_DIRECTORY, "The directory does not know this person", null));
                });
    }
}
