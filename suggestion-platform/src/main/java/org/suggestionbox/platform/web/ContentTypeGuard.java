package org.suggestionbox.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads the request, a {@code Content-Type} no endpoint can take: one that
 * does not parse, a wildcard ({@code *}{@code /*}), a charset this JVM does not know, or
 * {@code multipart/*} (nothing here takes uploads; without a boundary, parsing one fails deep in the
 * container). The answer is {@code 415} with problem details instead of the {@code 500} those cause
 * further in. A body or query whose text is not valid in its charset (found only when something reads
 * the parameters, e.g. a form {@code PUT} with bytes that are no UTF-8 or a {@code %ZZ}) gets {@code 400} the same way,
 * as long as no answer has been started.
 */
final class ContentTypeGuard extends OncePerRequestFilter {

    private static final String PROBLEM = """
            {"type":"about:blank","title":"Unsupported Media Type","status":415,\
            "detail":"This Content-Type cannot be read here."}""";

    private static final String UNDECODABLE = """
            {"type":"about:blank","title":"Bad Request","status":400,\
            "detail":"The request's text cannot be decoded (not valid in its character set, or a broken %-escape)."}""";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Content-Type");
        if (header != null && !header.isBlank() && !acceptable(header)) {
            answer(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, PROBLEM);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException ex) {
            if (!undecodable(ex) || response.isCommitted()) {
                throw ex;
            }
            response.resetBuffer();
            answer(response, HttpStatus.BAD_REQUEST, UNDECODABLE);
        }
    }

    private static void answer(HttpServletResponse response, HttpStatus status, String problem) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8);
        response.getWriter().write(problem);
    }

    /** The error page's dispatch too: see {@code PlatformWebAutoConfiguration#contentTypeGuard}. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /**
     * Whether {@code ex} comes of text that could not be decoded: not valid in its charset, or a form body
     * Spring's form filter cannot read (e.g. {@code %ZZ}).
     */
    static boolean undecodable(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException || cause instanceof HttpMessageNotReadableException) {
                return true;
            }
        }
        return false;
    }

    static boolean acceptable(String header) {
        try {
            MediaType type = MediaType.parseMediaType(header);
            if (type.isWildcardType()
                    || type.isWildcardSubtype()
                    || type.getType().equals("multipart")) {
                return false;
            }
            type.getCharset(); // an unknown charset throws here
            return true;
        } catch (IllegalArgumentException ex) { // InvalidMediaTypeException and unknown charsets
            return false;
        }
    }
}
