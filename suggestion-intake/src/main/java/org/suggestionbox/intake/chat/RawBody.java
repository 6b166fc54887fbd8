package org.suggestionbox.intake.chat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the exact bytes of a chat request's body before anything else reads it: Slack and Teams
 * sign the raw body, and a form body that was parsed into parameters and encoded again would no
 * longer match. The bytes are handed on as the request attribute {@value #ATTRIBUTE}. Bodies above
 * {@value #MAX_BYTES} bytes (Slack's own payloads stay far below) are refused with 413.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class RawBody extends OncePerRequestFilter {

    public static final String ATTRIBUTE = "org.suggestionbox.intake.chat.RawBody";
    static final int MAX_BYTES = 1024 * 1024;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/slack/") || path.startsWith("/teams/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            return;
        }
        request.setAttribute(ATTRIBUTE, body);
        chain.doFilter(request, response);
    }
}
