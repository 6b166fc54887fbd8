package org.suggestionbox.signin.config;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.suggestionbox.signin.SignInProperties;
import org.suggestionbox.signin.logout.BackChannelLogoutSuccessHandler;
import org.suggestionbox.signin.token.UserInfoClaims;

/**
 * Two filter chains: the authorization server's endpoints (OpenID Connect on, our back-channel logout after
 * RP-initiated logout), and the sign-in page with everything else.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerFilterChain(
            HttpSecurity http, BackChannelLogoutSuccessHandler backChannelLogout, UserInfoClaims userInfo)
            throws Exception {
        http.oauth2AuthorizationServer(authorizationServer -> {
            http.securityMatcher(authorizationServer.getEndpointsMatcher());
            authorizationServer.oidc(oidc -> oidc.providerConfigurationEndpoint(
                            discovery -> discovery.providerConfigurationCustomizer(
                                    metadata -> metadata.claim("backchannel_logout_supported", true)
                                            .claim("backchannel_logout_session_supported", true)))
                    .userInfoEndpoint(endpoint -> endpoint.userInfoMapper(userInfo))
                    .logoutEndpoint(logout -> logout.logoutResponseHandler(backChannelLogout)));
        });
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        http.headers(ResponseHeaders.everyResponse());
        // a browser that is not signed in yet goes to the sign-in page
        http.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signInFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                        "/",
                        "/login",
                        "/signin.css",
                        "/favicon.ico",
                        "/favicon.svg",
                        "/error",
                        "/actuator/health",
                        "/actuator/health/**")
                .permitAll()
                .anyRequest()
                .authenticated());
        http.formLogin(form -> form.loginPage("/login"));
        http.headers(ResponseHeaders.everyResponse());
        return http.build();
    }

    /** The firewall's refusals carry the headers of every response ({@link ResponseHeaders#onRefusal()}). */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return ResponseHeaders.onRefusal();
    }

    /** Tomcat's refusals carry them too ({@link RefusalReportValve}). */
    @Bean
    TomcatContextCustomizer refusalReportValve() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(RefusalReportValve.class.getName());
            }
        };
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(SignInProperties properties) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        String issuer = properties.issuerOrNull();
        if (issuer != null) {
            settings.issuer(issuer);
        }
        return settings.build();
    }

    /**
     * No Spring Security observations, as in the services (suggestion-platform's security auto-configuration):
     * switched off by name, they still wrapped every filter of every request. {@code http.server.requests} still
     * times every request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
