package org.suggestionbox.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/prometheus} answers only a scraper that sends {@code Authorization: Bearer <token>}
 * with the configured scrape token (compared in constant time); anyone else gets a 401 without a body.
 */
final class ScrapeTokenFilter extends OncePerRequestFilter {

    private final byte[] expected;

    ScrapeTokenFilter(String token) {
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        if (authorization != null
                && MessageDigest.isEqual(this.expected, authorization.getBytes(StandardCharsets.UTF_8))) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
    }
}
