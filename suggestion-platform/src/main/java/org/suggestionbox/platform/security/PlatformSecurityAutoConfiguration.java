package org.suggestionbox.platform.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.directory.DirectoryAutoConfiguration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-in for every service: HTTP Basic for {@code /api/**} (stateless, problem details on 401 and
 * 403), a form for pages. Role checks live beside the code they guard ({@code @PreAuthorize}).
 */
@AutoConfiguration(after = DirectoryAutoConfiguration.class,
        beforeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties(PlatformSecurityProperties.class)
public class PlatformSecurityAutoConfiguration {

    private static final String[] ALWAYS_PUBLIC = {
            "/login", "/error", "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico",
            "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/asyncapi.yaml"
    };

    @Bean
    @ConditionalOnMissingBean(UserDetailsService.class)
    UserDetailsService directoryUserDetailsService(Directory directory, PlatformSecurityProperties properties) {
        return new DirectoryUserDetailsService(directory, properties.demoPassword());
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, JsonMapper jsonMapper,
            PlatformSecurityProperties properties) {
        String[] publicApiPaths = properties.publicPaths().stream()
                .filter(path -> path.startsWith("/api/"))
                .toArray(String[]::new);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(publicApiPaths).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(ProblemSecurityHandlers.unauthorized(jsonMapper)))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(ProblemSecurityHandlers.unauthorized(jsonMapper))
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden(jsonMapper)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurityFilterChain(HttpSecurity http, PlatformSecurityProperties properties) {
        List<String> publicPaths = new ArrayList<>(List.of(ALWAYS_PUBLIC));
        publicPaths.addAll(properties.publicPaths());
        String[] extraPublic = properties.publicPaths().toArray(String[]::new);
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(publicPaths.toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers(extraPublic));
        return http.build();
    }
}
