package org.suggestionbox.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.web.util.UriComponentsBuilder;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.platform.web.DirectoryLocaleResolver;

class LanguageAtSignOutTests {

    private static final ClientRegistration SERVICE = ClientRegistration.withRegistrationId(OidcSignIn.REGISTRATION_ID)
            .clientId("router")
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .authorizationUri("http://127.0.0.1:9000/oauth2/authorize")
            .tokenUri("http://127.0.0.1:9000/oauth2/token")
            .providerConfigurationMetadata(Map.of("end_session_endpoint", "http://127.0.0.1:9000/connect/logout"))
            .build();

    private final LanguageAtSignOut signOut =
            new LanguageAtSignOut(new InMemoryClientRegistrationRepository(SERVICE), new DirectoryLocaleResolver());

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theProviderIsToldTheLanguageOfThePageAndTheBrowserForgetsTheOnePicked() throws Exception {
        MockHttpServletRequest request = signOutRequest();
        request.setCookies(new Cookie("SB_LANG", "he"));

        MockHttpServletResponse response = signOut(request, signedIn("noa", "en"));

        assertThat(parameter(response.getRedirectedUrl(), "state")).isEqualTo("he");
        assertThat(parameter(response.getRedirectedUrl(), "post_logout_redirect_uri"))
                .isEqualTo("http://localhost:8082/signed-out");
        assertThat(response.getHeaders("Set-Cookie"))
                .singleElement()
                .as("the switcher's cookie, cleared: it names no language any more")
                .satisfies(cookie -> assertThat(cookie).startsWith("SB_LANG=;"));
    }

    @Test
    void withNoLanguagePickedItIsTheOneFromTheDirectory() throws Exception {
        MockHttpServletResponse response = signOut(signOutRequest(), signedIn("piotr", "pl"));

        assertThat(parameter(response.getRedirectedUrl(), "state")).isEqualTo("pl");
    }

    @Test
    void someoneNotSignedInWithTheProviderIsSentHomeWithoutALanguage() throws Exception {
        MockHttpServletResponse response = signOut(signOutRequest(), null);

        assertThat(response.getRedirectedUrl()).isEqualTo("/");
    }

    /** What Spring Security's logout filter does: the handlers while the person is known, then the success handler. */
    private MockHttpServletResponse signOut(MockHttpServletRequest request, @Nullable Authentication authentication)
            throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        signOut.logout(request, response, authentication);
        SecurityContextHolder.clearContext();
        signOut.onLogoutSuccess(request, response, authentication);
        return response;
    }

    private static MockHttpServletRequest signOutRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/logout");
        request.setServerName("localhost");
        request.setServerPort(8082);
        request.addPreferredLocale(Locale.ENGLISH);
        return request;
    }

    private static Authentication signedIn(String id, String language) {
        Person person =
                new Person(id, id, id + "@suggestionbox.example", "Logistics", null, language, null, null, Set.of());
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token-of-" + id)
                .subject(id)
                .claim("sid", "session-of-" + id)
                .build();
        Authentication authentication = new OAuth2AuthenticationToken(
                new DirectoryOidcUser(person, Set.of(), idToken, null),
                AuthorityUtils.NO_AUTHORITIES,
                OidcSignIn.REGISTRATION_ID);
        SecurityContextHolder.getContext().setAuthentication(authentication);
        return authentication;
    }

    private static String parameter(String url, String name) {
        return UriComponentsBuilder.fromUriString(url).build().getQueryParams().getFirst(name);
    }
}
