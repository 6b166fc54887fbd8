package org.suggestionbox.platform.security;

import java.net.URI;
import java.util.Locale;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The headers every response carries: a Content-Security-Policy that allows no script but our own
 * files (the pages have none inline; a few bars set their width in a {@code style} attribute), no
 * framing, no MIME sniffing, and no referrer beyond our own origin (tracking links carry capabilities).
 * <p>
 * A page whose own script calls another of our services sets its policy itself, with
 * {@link #contentSecurityPolicyConnectingTo}; the header writer leaves a policy the page set alone.
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY_HEADER = "Content-Security-Policy";

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "style-src-attr 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'";

    private SecurityHeaders() {}

    /**
     * The policy every page has, plus {@code connect-src 'self' <origin>}: the page's script may also
     * fetch from the origin (scheme, host and port) of {@code url}, and from nowhere else.
     *
     * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL with a host
     */
    public static String contentSecurityPolicyConnectingTo(String url) {
        URI uri = URI.create(url.strip());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!(scheme.equals("http") || scheme.equals("https")) || host == null || host.isEmpty()) {
            throw new IllegalArgumentException("Not an http(s) URL with a host: " + url);
        }
        String origin =
                scheme + "://" + host.toLowerCase(Locale.ROOT) + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        return CONTENT_SECURITY_POLICY + "; connect-src 'self' " + origin;
    }

    /** The headers as {@code HttpSecurity.headers(...)} sets them on every response. */
    static Customizer<HeadersConfigurer<HttpSecurity>> defaults() {
        return headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
    }
}
