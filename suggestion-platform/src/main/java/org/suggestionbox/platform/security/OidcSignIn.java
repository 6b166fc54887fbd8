package org.suggestionbox.platform.security;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OidcBackChannelLogoutHandler;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
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
     * (RP-initiated logout), and the provider's back-channel logout ends this service's session when
     * the person signed out of another one.
     */
    static void configure(
            HttpSecurity http,
            ClientRegistrationRepository registrations,
            OidcSessionRegistry sessionRegistry,
            SignedInPeople people,
            String sessionCookieName,
            @Nullable LocaleResolver locales) {
        OidcClientInitiatedLogoutSuccessHandler logoutSuccess =
                new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logoutSuccess.setPostLogoutRedirectUri("{baseUrl}" + PlatformSecurityAutoConfiguration.SIGNED_OUT_PAGE);
        OidcBackChannelLogoutHandler backChannelLogout = new OidcBackChannelLogoutHandler(sessionRegistry);
        backChannelLogout.setSessionCookieName(sessionCookieName);
        http.oauth2Login(login -> login.clientRegistrationRepository(registrations)
                        .loginPage("/oauth2/authorization/" + REGISTRATION_ID)
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
                .logout(logout -> logout.logoutSuccessHandler(logoutSuccess));
    }
}
