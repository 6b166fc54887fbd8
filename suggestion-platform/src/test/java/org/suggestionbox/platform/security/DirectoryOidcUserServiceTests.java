package org.suggestionbox.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.suggestionbox.platform.directory.Directory;
import tools.jackson.databind.json.JsonMapper;

/** The page sign-in after the provider vouched for someone: a directory person, or a refusal with a reason. */
class DirectoryOidcUserServiceTests {

    private final DirectoryOidcUserService service = new DirectoryOidcUserService(new SignedInPeople(
            new Directory(
                    new DefaultResourceLoader(),
                    JsonMapper.builder().build(),
                    "classpath:directory/demo-directory.json"),
            new PlatformSecurityProperties.Oidc(
                    "http://issuer.test", "suggestion-router", "secret", "roles", "email", null, Map.of())));

    @Test
    void aDirectoryPersonSignsInWithTheProvidersRolesAndKeepsTheIdTokenForLogout() {
        OidcUser user = this.service.loadUser(request(Map.of(
                "email", "lea@suggestionbox.example", "roles", List.of("EMPLOYEE", "LEADER"), "sid", "session-1")));

        assertThat(user)
                .isInstanceOfSatisfying(
                        DirectoryUser.class, person -> assertThat(person.id()).isEqualTo("lea"));
        assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_EMPLOYEE", "ROLE_LEADER");
        assertThat(user.getIdToken().getClaimAsString("sid")).isEqualTo("session-1");
        assertThat(user.getName()).isEqualTo("lea");
    }

    @Test
    void rolesTheDirectoryGivesButTheProviderDoesNotAreNotTaken() {
        OidcUser user = this.service.loadUser(
                request(Map.of("email", "maya@suggestionbox.example", "roles", List.of("EMPLOYEE"))));

        assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_EMPLOYEE");
    }

    @Test
    void someoneTheProviderKnowsButTheDirectoryDoesNotGetsNoAccount() {
        assertThatExceptionOfType(OAuth2AuthenticationException.class)
                .isThrownBy(() -> this.service.loadUser(
                        request(Map.of("email", "contractor@elsewhere.example", "roles", List.of("ADMIN")))))
                .satisfies(ex ->
                        assertThat(ex.getError().getErrorCode()).isEqualTo(DirectoryOidcUserService.NOT_IN_DIRECTORY));
    }

    private static OidcUserRequest request(Map<String, Object> claims) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(OidcSignIn.REGISTRATION_ID)
                .clientId("suggestion-router")
                .clientSecret("secret")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "email")
                .authorizationUri("http://issuer.test/oauth2/authorize")
                .tokenUri("http://issuer.test/oauth2/token")
                .jwkSetUri("http://issuer.test/oauth2/jwks")
                .issuerUri("http://issuer.test")
                .build();
        Instant now = Instant.now();
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token")
                .subject("someone")
                .issuer("http://issuer.test")
                .audience(List.of("suggestion-router"))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(300))
                .claims(all -> all.putAll(claims))
                .build();
        OAuth2AccessToken accessToken =
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-token", now, now.plusSeconds(300));
        return new OidcUserRequest(registration, accessToken, idToken);
    }
}
