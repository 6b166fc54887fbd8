package org.suggestionbox.signin.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
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
 * The headers of every response of the provider, as the services send them (suggestion-platform's
 * {@code SecurityHeaders}, not a dependency of this module): its pages load nothing but its own style sheet and
 * icons and run no script, no site may frame the password form, no MIME sniffing, no referrer beyond this origin.
 */
final class ResponseHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    /** For Tomcat's own page, which loads nothing and styles itself in a {@code <style>} element. */
    static final String INLINE_STYLE_ONLY =
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

    private ResponseHeaders() {}

    /** Every filter chain's headers: Spring Security's defaults with the policy and the referrer policy. */
    static Customizer<HeadersConfigurer<HttpSecurity>> everyResponse() {
        return headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
    }

    /** Writes those headers, with this policy, as the filters write them (Spring Security's header writers). */
    static void writeTo(HttpServletRequest request, HttpServletResponse response, String policy) {
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
     * {@code /error} with the same headers: no filter that writes them ran for it.
     */
    static RequestRejectedHandler onRefusal() {
        return (request, response, refused) -> {
            writeTo(request, response, CONTENT_SECURITY_POLICY);
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        };
    }
}
