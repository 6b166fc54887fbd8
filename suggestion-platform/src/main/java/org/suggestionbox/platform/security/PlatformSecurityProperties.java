package org.suggestionbox.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demoPassword the password every directory person signs in with in the local profile;
 *        production signs people in with the company's OpenID Connect provider instead
 * @param publicPaths paths that need no sign-in and no CSRF token because they verify their
 *        callers themselves (e.g. Slack's signed requests)
 */
@ConfigurationProperties("suggestionbox.security")
public record PlatformSecurityProperties(
        @DefaultValue("demo") String demoPassword,
        @DefaultValue List<String> publicPaths) {
}
