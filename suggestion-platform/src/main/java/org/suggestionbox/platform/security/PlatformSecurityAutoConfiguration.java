package org.suggestionbox.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.session.InMemoryOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.servlet.LocaleResolver;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.directory.DirectoryAutoConfiguration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-in for every service. Production: the company's OpenID Connect provider signs people in to the
 * pages (authorization code + PKCE, one provider session for all three services, RP-initiated and
 * back-channel logout) and {@code /api/**} takes JWT bearer tokens issued for this service. Under the
 * {@code local} profile only, HTTP Basic and — when no provider is configured — the password form with
 * the demo password exist too. Role checks live beside the code they guard ({@code @PreAuthorize}).
 */
@AutoConfiguration(
        after = DirectoryAutoConfiguration.class,
        beforeName = {
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
            "org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration"
        })
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties(PlatformSecurityProperties.class)
public class PlatformSecurityAutoConfiguration {

    static final String LOCAL_PROFILE = "local";

    /** The page a sign-out at the provider ends on, public like the sign-in pages. */
    public static final String SIGNED_OUT_PAGE = "/signed-out";

    /** Where a sign-in at the OpenID Connect provider starts. */
    public static final String PROVIDER_SIGN_IN = "/oauth2/authorization/" + OidcSignIn.REGISTRATION_ID;

    private static final String[] ALWAYS_PUBLIC = {
        "/login",
        "/error",
        "/signin/problem",
        SIGNED_OUT_PAGE,
        "/css/**",
        "/js/**",
        "/images/**",
        "/webjars/**",
        "/favicon.ico",
        "/favicon.svg",
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/info",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/asyncapi.yaml"
    };

    /**
     * No Spring Security observations: one per filter, authentication and authorization took about a tenth of
     * intake's CPU per idea (JFR, issue #13). Switched off by name alone ({@code management.observations.enable}),
     * they still wrapped every filter of every request, only to find each observation disabled; without them
     * the filter chain is not decorated at all. {@code http.server.requests} still times every request.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** The firewall's refusals carry the headers of every response ({@link SecurityHeaders#onRefusal()}). */
    @Bean
    @ConditionalOnMissingBean
    RequestRejectedHandler requestRejectedHandler() {
        return SecurityHeaders.onRefusal();
    }

    @Bean
    SignedInPeople signedInPeople(Directory directory, PlatformSecurityProperties properties) {
        return new SignedInPeople(directory, properties.oidc());
    }

    /**
     * Metrics tell when ideas arrive and how many; outside {@code local} only a scraper holding the scrape
     * token ({@code METRICS_SCRAPE_TOKEN}) reads them. Under {@code local} without a token they are public.
     */
    @Bean
    @Order(0)
    SecurityFilterChain metricsSecurityFilterChain(
            HttpSecurity http, PlatformSecurityProperties properties, Environment environment) {
        String token = properties.metricsScrapeToken();
        boolean open = token == null || token.isBlank();
        if (open && !isLocal(environment)) {
            throw new IllegalStateException(
                    "Set METRICS_SCRAPE_TOKEN: outside the local profile the metrics need a " + "scrape credential");
        }
        http.securityMatcher("/actuator/prometheus")
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(SecurityHeaders.defaults())
                .csrf(csrf -> csrf.disable());
        if (!open) {
            http.addFilterBefore(
                    new ScrapeTokenFilter(Objects.requireNonNull(token)),
                    org.springframework.security.web.authentication.AnonymousAuthenticationFilter.class);
        }
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(
            HttpSecurity http,
            JsonMapper jsonMapper,
            PlatformSecurityProperties properties,
            Environment environment,
            SignedInPeople people,
            ObjectProvider<JwtDecoder> jwtDecoder) {
        boolean local = isLocal(environment);
        boolean oidc = requireSignIn(properties, local);
        String[] publicApiPaths = properties.publicPaths().stream()
                .filter(path -> path.startsWith("/api/"))
                .toArray(String[]::new);
        var unauthorized = ProblemSecurityHandlers.unauthorized(jsonMapper, oidc, local);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(publicApiPaths)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden(jsonMapper)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(SecurityHeaders.defaults())
                .csrf(csrf -> csrf.disable());
        if (oidc) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(unauthorized)
                    .accessDeniedHandler(ProblemSecurityHandlers.forbidden(jsonMapper))
                    .jwt(jwt -> jwt.decoder(jwtDecoder.getObject())
                            .jwtAuthenticationConverter(new DirectoryJwtAuthenticationConverter(people))));
        }
        if (local) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurityFilterChain(
            HttpSecurity http,
            PlatformSecurityProperties properties,
            Environment environment,
            SignedInPeople people,
            ObjectProvider<ClientRegistrationRepository> clientRegistrations,
            ObjectProvider<OidcSessionRegistry> sessionRegistry,
            ObjectProvider<LocaleResolver> locales) {
        boolean local = isLocal(environment);
        boolean oidc = requireSignIn(properties, local);
        List<String> publicPaths = new ArrayList<>(List.of(ALWAYS_PUBLIC));
        publicPaths.addAll(properties.publicPaths());
        String[] extraPublic = properties.publicPaths().toArray(String[]::new);
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(publicPaths.toArray(String[]::new))
                        .permitAll()
                        // any actuator endpoint an operator exposes beyond health, info and metrics is theirs alone
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .headers(SecurityHeaders.defaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers(extraPublic))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(new PageAccessDenied()))
                .requestCache(cache -> cache.requestCache(pagesAskedFor()));
        if (oidc) {
            OidcSignIn.configure(
                    http,
                    clientRegistrations.getObject(),
                    sessionRegistry.getObject(),
                    people,
                    environment.getProperty("server.servlet.session.cookie.name", "JSESSIONID"),
                    locales.getIfUnique());
        }
        if (local) {
            // the demo password: the form (and HTTP Basic) exist only here; with a provider, pages still send
            // people to the provider and /login is only for those who go there on purpose (tests, curl)
            http.formLogin(form -> form.loginPage("/login").permitAll()).httpBasic(Customizer.withDefaults());
            if (!oidc) {
                http.logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll());
            }
        }
        if (oidc) {
            http.exceptionHandling(exceptions ->
                    exceptions.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(PROVIDER_SIGN_IN)));
        }
        return http.build();
    }

    /**
     * After sign-in a person is back at the page they asked for, its address as they typed it: without Spring
     * Security's {@code ?continue} marker, which spares a session read on requests that bring none; every page
     * request reads the session anyway.
     */
    @SuppressWarnings("NullAway") // no marker is Spring Security's own case: getMatchingRequest checks it for null
    private static RequestCache pagesAskedFor() {
        HttpSessionRequestCache pages = new HttpSessionRequestCache();
        pages.setMatchingRequestParameterName(null);
        return pages;
    }

    private static boolean isLocal(Environment environment) {
        return environment.matchesProfiles(LOCAL_PROFILE);
    }

    private static boolean requireSignIn(PlatformSecurityProperties properties, boolean local) {
        if (!properties.oidc().enabled() && !local) {
            throw new IllegalStateException("No sign-in: set OIDC_ISSUER_URI (and OIDC_CLIENT_SECRET) to the company's "
                    + "OpenID Connect provider; the password sign-in exists only under the local profile");
        }
        return properties.oidc().enabled();
    }

    /** The demo password sign-in: the local profile only, and never a default anywhere else. */
    @Configuration(proxyBeanMethods = false)
    @Profile(LOCAL_PROFILE)
    static class LocalPasswordSignIn {

        /**
         * The demo password's check, for the sign-in this configuration offers: a digest compared in constant
         * time rather than a BCrypt per request (see {@link DemoPasswordEncoder} for why that is sound here).
         */
        @Bean
        @ConditionalOnMissingBean(PasswordEncoder.class)
        PasswordEncoder demoPasswordEncoder() {
            return new DemoPasswordEncoder();
        }

        @Bean
        @ConditionalOnMissingBean(UserDetailsService.class)
        UserDetailsService directoryUserDetailsService(
                Directory directory, PlatformSecurityProperties properties, PasswordEncoder passwordEncoder) {
            String demoPassword = properties.demoPassword();
            if (demoPassword == null || demoPassword.isBlank()) {
                throw new IllegalStateException(
                        "suggestionbox.security.demo-password is not set for the local profile");
            }
            return new DirectoryUserDetailsService(directory, passwordEncoder, demoPassword);
        }
    }

    /** The company's provider, when one is configured. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("!'${suggestionbox.security.oidc.issuer-uri:}'.isBlank()")
    static class OidcProvider {

        @Bean
        @ConditionalOnMissingBean
        ClientRegistrationRepository clientRegistrationRepository(PlatformSecurityProperties properties) {
            return OidcSignIn.clientRegistrations(properties.oidc());
        }

        @Bean
        @ConditionalOnMissingBean
        JwtDecoder jwtDecoder(PlatformSecurityProperties properties) {
            return OidcSignIn.jwtDecoder(properties.oidc());
        }

        @Bean
        @ConditionalOnMissingBean
        OidcSessionRegistry oidcSessionRegistry() {
            return new InMemoryOidcSessionRegistry();
        }
    }
}
