package org.suggestionbox.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.suggestionbox.platform.web.DirectoryLocaleResolver;

class UiLocalesAuthorizationRequestsTests {

    private final UiLocalesAuthorizationRequests requests = new UiLocalesAuthorizationRequests(
            new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(OidcSignIn.REGISTRATION_ID)
                    .clientId("router")
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .authorizationUri("http://127.0.0.1:9000/oauth2/authorize")
                    .tokenUri("http://127.0.0.1:9000/oauth2/token")
                    .build()),
            new DirectoryLocaleResolver());

    @Test
    void aSignInStartedInALanguageAsksTheProviderForItWithoutTheBrowsersSay() {
        assertThat(uiLocales(startedWith("he"))).isEqualTo("he");
        assertThat(uiLocales(startedWith("pl"))).isEqualTo("pl");
    }

    @Test
    void whatIsNoLanguageIsPassedOverForTheBrowsers() {
        for (String notALanguage : List.of("he-IL\" onload=\"", "", "x", "HE", "he pl")) {
            assertThat(uiLocales(startedWith(notALanguage))).as(notALanguage).isEqualTo("en");
        }
    }

    private static MockHttpServletRequest startedWith(String language) {
        MockHttpServletRequest request =
                new MockHttpServletRequest("GET", PlatformSecurityAutoConfiguration.PROVIDER_SIGN_IN);
        request.setServletPath(PlatformSecurityAutoConfiguration.PROVIDER_SIGN_IN);
        request.setParameter("ui_locales", language);
        request.addPreferredLocale(Locale.ENGLISH);
        return request;
    }

    private String uiLocales(MockHttpServletRequest request) {
        OAuth2AuthorizationRequest authorization = requests.resolve(request);
        assertThat(authorization).isNotNull();
        return String.valueOf(authorization.getAdditionalParameters().get("ui_locales"));
    }
}
