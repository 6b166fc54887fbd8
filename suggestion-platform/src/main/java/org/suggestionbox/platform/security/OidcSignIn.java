package org.suggestionbox.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OidcBackChannelLogoutHandler;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.SupplierClientRegistrationRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The OpenID Connect side of sign-in. The provider is asked for its configuration on first use, not at
 * start, so a service starts while its provider is still starting; a failed discovery is tried again on
 * the next request.
 */
final class OidcSignIn {

    /** The registration id in every service: redirect URI {@code {baseUrl}/login/oauth2/code/suggestionbox}. */
    static final String REGISTRATION_ID = "suggestionbox";

    private OidcSignIn() {}

    static ClientRegistrationRepository clientRegistrations(PlatformSecurityProperties.Oidc settings) {
        return new SupplierClientRegistrationRepository(() -> new InMemoryClientRegistrationRepository(
                ClientRegistrations.fromIssuerLocation(Objects.requireNonNull(settings.issuerUri(), "issuer-uri"))
                        .registrationId(REGISTRATION_ID)
                        .clientId(Objects.requireNonNull(settings.clientId(), "client-id"))
                        .clientSecret(settings.clientSecret())
                        .scope("openid", "profile", "email")
                        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                        .clientSettings(ClientRegistration.ClientSettings.builder()
                                .requireProofKey(true)
                                .build())
                        .build()));
    }

    static JwtDecoder jwtDecoder(PlatformSecurityProperties.Oidc settings) {
        String issuer = String.valueOf(settings.issuerUri());
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder =
                    NimbusJwtDecoder.withIssuerLocation(issuer).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(
                    JwtValidators.createDefaultWithIssuer(issuer),
                    new AudienceValidator(settings.expectedAudience()))));
            return decoder;
        });
    }

    /**
     * Pages: a person who is not signed in goes straight to the provider (whose session signs them in
     * without a prompt when another service already did); sign-out ends the provider's session
     * (RP-initiated logout, in the page's language: {@link LanguageAtSignOut}), and the provider's
     * back-channel logout ends this service's session when the person signed out of another one
     * ({@link OwnBackChannelLogout}: whatever the request's {@code Host}).
     */
    static void configure(
            HttpSecurity http,
            ClientRegistrationRepository registrations,
            OidcSessionRegistry sessionRegistry,
            SignedInPeople people,
            String sessionCookieName,
            @Nullable LocaleResolver locales) {
        LanguageAtSignOut signOut = new LanguageAtSignOut(registrations, locales);
        OwnBackChannelLogout backChannelLogout = new OwnBackChannelLogout(sessionRegistry, sessionCookieName);
        http.oauth2Login(login -> login.clientRegistrationRepository(registrations)
                        .loginPage(PlatformSecurityAutoConfiguration.PROVIDER_SIGN_IN)
                        .authorizationEndpoint(endpoint -> {
                            if (locales != null) {
                                endpoint.authorizationRequestResolver(
                                        new UiLocalesAuthorizationRequests(registrations, locales));
                            }
                        })
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new DirectoryOidcUserService(people)))
                        .failureHandler(new SimpleUrlAuthenticationFailureHandler("/signin/problem")))
                .oidcLogout(logout -> logout.clientRegistrationRepository(registrations)
                        .oidcSessionRegistry(sessionRegistry)
                        .backChannel(backChannel -> backChannel.logoutHandler(backChannelLogout)))
                .logout(logout -> logout.addLogoutHandler(signOut).logoutSuccessHandler(signOut));
    }

    /**
     * The provider's back-channel logout, with each session's own logout sent to this service and nowhere else.
     *
     * <p>Spring Security ends each session a logout token names by posting the session's cookie, its CSRF token and
     * the logout token to the service itself, by default at
     * {@code {baseUrl}/logout/connect/back-channel/{registrationId}}. Its {@code {baseUrl}} is the incoming request's
     * scheme, host and port: the {@code Host} header, which whoever posts chooses. A logout token sent with
     * {@code Host: evil.test} would send the session cookie there and leave the session open. Spring's other
     * templates do not help: {@code {basePort}} comes from the same header, and {@code {baseScheme}} is {@code https}
     * behind a TLS-terminating proxy ({@code X-Forwarded-Proto}), where the service itself speaks plain HTTP.
     *
     * <p>So the handler sees the request as it reached this process: {@code http://127.0.0.1} and the local port of
     * the connection it came in on, this service's own connector whatever the headers say. The services serve plain
     * HTTP behind their proxy and listen on every address.
     */
    private static final class OwnBackChannelLogout implements LogoutHandler {

        /** The back-channel endpoint itself, which tells the provider's call from this one by a parameter. */
        private static final String LOGOUT_URI = "{baseUrl}/logout/connect/back-channel/{registrationId}";

        private static final String LOOPBACK = "127.0.0.1";

        private final OidcBackChannelLogoutHandler sessions;

        OwnBackChannelLogout(OidcSessionRegistry sessionRegistry, String sessionCookieName) {
            this.sessions = new OidcBackChannelLogoutHandler(sessionRegistry);
            this.sessions.setSessionCookieName(sessionCookieName);
            this.sessions.setLogoutUri(LOGOUT_URI);
        }

        @Override
        public void logout(
                HttpServletRequest request, HttpServletResponse response, @Nullable Authentication authentication) {
            this.sessions.logout(new AsReceived(request), response, authentication);
        }

        /** The request with this process's own loopback address and port in place of what its headers claim. */
        private static final class AsReceived extends HttpServletRequestWrapper {

            AsReceived(HttpServletRequest request) {
                super(request);
            }

            @Override
            public String getScheme() {
                return "http";
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getServerName() {
                return LOOPBACK;
            }

            @Override
            public int getServerPort() {
                return getLocalPort();
            }

            @Override
            public StringBuffer getRequestURL() {
                return new StringBuffer("http://" + LOOPBACK + ":" + getLocalPort() + getRequestURI());
            }
        }
    }
}
