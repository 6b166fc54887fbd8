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
 * longer match. The bytes are handed on as the request attribute {@value #ATTRIBUTE}.
 * <p>
 * Bodies above {@value #MAX_BYTES} bytes are refused with 413 here, before either door computes an
 * HMAC or parses anything: a declared length above the cap is refused unread, and an undeclared
 * (chunked) body is read up to the cap plus one byte, never further. The cap leaves room for the
 * largest legitimate payload (a Slack modal submission with a 5,000-character description in a
 * four-byte script, form-encoded; a Teams activity carries its text twice) and keeps the work an
 * unsigned request can cause small. It is also the platform's request-size limit on these paths
 * ({@link ChatDoorsConfiguration}), so a body the cap lets in reaches the door.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class RawBody extends OncePerRequestFilter {

    public static final String ATTRIBUTE = "org.suggestionbox.intake.chat.RawBody";
    static final int MAX_BYTES = 256 * 1024;

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
