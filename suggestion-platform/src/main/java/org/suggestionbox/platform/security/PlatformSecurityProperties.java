package org.suggestionbox.platform.security;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * @param demoPassword the password every directory person signs in with, only under the {@code local}
 *        profile (HTTP Basic and the password form exist nowhere else)
 * @param publicPaths paths that need no sign-in and no CSRF token because they verify their
 *        callers themselves (e.g. Slack's signed requests)
 * @param oidc the company's OpenID Connect provider
 * @param metricsScrapeToken the bearer token Prometheus sends to read {@code /actuator/prometheus};
 *        required outside the {@code local} profile
 */
@ConfigurationProperties("suggestionbox.security")
public record PlatformSecurityProperties(
        @DefaultValue("demo") String demoPassword,
        @DefaultValue List<String> publicPaths,
        @DefaultValue Oidc oidc,
        @Nullable String metricsScrapeToken) {

    /**
     * @param issuerUri the provider's issuer; blank means no OpenID Connect (allowed only under {@code local})
     * @param clientId this service's client at the provider
     * @param clientSecret its secret
     * @param rolesClaim the claim holding the person's roles or groups
     * @param personClaim the claim the person is found by in the directory
     * @param audience the audience an access token must name to be taken by this service's API; blank
     *        means the client id
     * @param roleMapping a claim value → role name ({@code EMPLOYEE}, {@code OWNER}, {@code LEADER},
     *        {@code ADMIN}), for providers whose groups have other names
     */
    public record Oidc(
            @Nullable String issuerUri,
            @Nullable String clientId,
            @Nullable String clientSecret,
            @DefaultValue("roles") String rolesClaim,
            @DefaultValue("email") String personClaim,
            @Nullable String audience,
            @DefaultValue Map<String, String> roleMapping) {

        public boolean enabled() {
            return StringUtils.hasText(this.issuerUri);
        }

        public String expectedAudience() {
            return StringUtils.hasText(this.audience) ? this.audience : String.valueOf(this.clientId);
        }
    }
}
