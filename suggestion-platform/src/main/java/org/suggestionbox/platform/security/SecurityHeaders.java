package org.suggestionbox.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;

/**
 * The headers every response carries: a Content-Security-Policy that allows no script but our own
 * files (the pages have none inline; a few bars set their width in a {@code style} attribute), no
 * framing, no MIME sniffing, and no referrer beyond our own origin (tracking links carry capabilities).
 * <p>
 * A page whose own script calls another of our services sets its policy itself, with
 * {@link #contentSecurityPolicyConnectingTo}; the header writer leaves a policy the page set alone.
 * <p>
 * A response the security filters never wrote to gets the same headers from {@link #writeTo}: a request the firewall
 * refused before any filter ran ({@link #onRefusal}), and one Tomcat refused before any application saw it.
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY_HEADER = "Content-Security-Policy";

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "style-src-attr 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'";

    /** For a page of Tomcat's own, which loads nothing and styles itself in a {@code <style>} element. */
    public static final String INLINE_STYLE_ONLY =
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

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

    /**
     * Writes the headers of every response, with this Content-Security-Policy, the way the security filters write
     * them (Spring Security's own header writers, and its {@code Cache-Control: no-store} family as well).
     */
    public static void writeTo(HttpServletRequest request, HttpServletResponse response, String policy) {
        List<HeaderWriter> writers = List.of(
                new ContentSecurityPolicyHeaderWriter(policy),
                new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
                new XContentTypeOptionsHeaderWriter(),
                new ReferrerPolicyHeaderWriter(ReferrerPolicy.SAME_ORIGIN),
                new CacheControlHeadersWriter());
        writers.forEach(writer -> writer.writeHeaders(request, response));
    }

    /**
     * A request the firewall refuses (a doubled slash, a {@code ;}, an encoded dot) is answered {@code 400} by
     * {@code /error} with the headers of every response: the filters that write them never ran for it.
     */
    static RequestRejectedHandler onRefusal() {
        return (request, response, refused) -> {
            writeTo(request, response, CONTENT_SECURITY_POLICY);
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        };
    }
}
