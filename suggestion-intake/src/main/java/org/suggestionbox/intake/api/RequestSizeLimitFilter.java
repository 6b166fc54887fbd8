package org.suggestionbox.intake.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.suggestionbox.events.SubmissionChannel;
import org.suggestionbox.intake.config.IntakeProperties;
import org.suggestionbox.intake.submission.IntakeMetrics;
import org.suggestionbox.intake.submission.RefusalReason;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses API requests whose body is larger than {@code suggestionbox.intake.max-request-size} with
 * {@code 413}, before sign-in work: at once when the announced Content-Length is too large, after
 * reading at most one byte too many when the body comes chunked. A valid idea is at most about
 * 20 KB of JSON even in Hebrew, so the default 64 KB leaves room.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final IntakeMetrics metrics;
    private final JsonMapper jsonMapper;

    RequestSizeLimitFilter(IntakeProperties properties, IntakeMetrics metrics, JsonMapper jsonMapper) {
        this.maxBytes = properties.maxRequestSize().toBytes();
        this.metrics = metrics;
        this.jsonMapper = jsonMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long announced = request.getContentLengthLong();
        if (announced > maxBytes) {
            refuse(request, response);
            return;
        }
        if (announced < 0 && request.getHeader("Transfer-Encoding") != null) {
            // no length announced (chunked): read at most one byte more than allowed, then decide
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 1, maxBytes) + 1);
            if (body.length > maxBytes) {
                refuse(request, response);
                return;
            }
            chain.doFilter(new BufferedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        metrics.refused(SubmissionChannel.API, RefusalReason.TOO_LARGE);
            ProblemDetail problem = IdeaApiController.problem(HttpStatus.CONTENT_TOO_LARGE, "request-too-large",
                    "Request too large", "The request body is larger than " + maxBytes + " bytes.");
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setHeader("Connection", "close");
            jsonMapper.writeValue(response.getOutputStream(), problem);
    }

    /** A request whose body was already read, handed on from memory. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body was already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding())));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
