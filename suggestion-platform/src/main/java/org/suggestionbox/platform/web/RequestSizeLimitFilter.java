package org.suggestionbox.platform.web;

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
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses requests whose body is larger than {@code suggestionbox.web.max-request-size} with
 * {@code 413}, before sign-in or any other work: at once when the announced Content-Length is too
 * large, after reading at most one byte too many when the body comes chunked. {@code /api} (and any
 * caller that does not ask for HTML) gets RFC 9457 problem details; a browser gets a short page in
 * its language. Every service gets it from the platform.
 * <p>
 * A service may give some of its paths another limit with a {@link PathLimit} bean: doors that take larger bodies
 * and cap them themselves (intake's chat doors, whose own answer to a long message is a reply in the chat, not this
 * filter's 413). Every other path keeps {@code max-request-size}.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private static final List<String> LANGUAGES = List.of("en", "he", "pl");

    private final long maxBytes;
    private final List<ParsedLimit> pathLimits;
    private final JsonMapper jsonMapper;
    private final MessageSource messages;
    private final List<OversizedRequestListener> listeners;

    RequestSizeLimitFilter(
            PlatformWebProperties properties,
            List<PathLimit> pathLimits,
            JsonMapper jsonMapper,
            MessageSource messages,
            List<OversizedRequestListener> listeners) {
        this.maxBytes = properties.maxRequestSize().toBytes();
        this.pathLimits = pathLimits.stream().map(ParsedLimit::of).toList();
        this.jsonMapper = jsonMapper;
        this.messages = messages;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Another limit than {@code suggestionbox.web.max-request-size} for some paths of a service, declared as a bean;
     * the first whose pattern matches applies.
     *
     * @param patterns path patterns within the application, e.g. {@code /slack/**}; they are matched against the path
     *        the servlet container mapped the request by (decoded, dot segments and path parameters removed), so that
     *        {@code /slack/../api/ideas} is {@code /api/ideas} here too
     * @param maxRequestSize the limit on those paths
     */
    public record PathLimit(List<String> patterns, DataSize maxRequestSize) {

        public PathLimit {
            patterns = List.copyOf(patterns);
        }
    }

    /** A {@link PathLimit} with its patterns parsed once. */
    private record ParsedLimit(List<PathPattern> patterns, long maxBytes) {

        static ParsedLimit of(PathLimit limit) {
            return new ParsedLimit(
                    limit.patterns().stream()
                            .map(PathPatternParser.defaultInstance::parse)
                            .toList(),
                    limit.maxRequestSize().toBytes());
        }

        boolean matches(PathContainer path) {
            return patterns.stream().anyMatch(pattern -> pattern.matches(path));
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitOn(request);
        long announced = request.getContentLengthLong();
        if (announced > limit) {
            refuse(request, response, limit);
            return;
        }
        if (announced < 0 && request.getHeader("Transfer-Encoding") != null) {
            // no length announced (chunked): read at most one byte more than allowed, then decide
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 1, limit) + 1);
            if (body.length > limit) {
                refuse(request, response, limit);
                return;
            }
            chain.doFilter(new BufferedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The limit on this request's path. */
    private long limitOn(HttpServletRequest request) {
        if (pathLimits.isEmpty()) {
            return maxBytes;
        }
        String pathInfo = request.getPathInfo();
        // the container's path is decoded, and PathContainer decodes again: encoded once more, "/ideas/%25" stays "%"
        PathContainer path = PathContainer.parsePath(UriUtils.encodePath(
                request.getServletPath() + (pathInfo == null ? "" : pathInfo), StandardCharsets.UTF_8));
        return pathLimits.stream()
                .filter(limit -> limit.matches(path))
                .findFirst()
                .map(ParsedLimit::maxBytes)
                .orElse(maxBytes);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        listeners.forEach(listener -> listener.refused(request));
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setHeader("Connection", "close");
        if (wantsPage(request)) {
            Locale locale = locale(request);
            String text = messages.getMessage("platform.requestTooLarge", new Object[] {limit / 1024}, locale);
            String lang = locale.getLanguage();
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter()
                    .write("<!DOCTYPE html><html lang=\"" + lang + "\" dir=\""
                            + DirectoryLocaleResolver.direction(locale)
                            + "\"><head><meta charset=\"utf-8\">"
                            + "<title>" + HtmlUtils.htmlEscape(text) + "</title>"
                            + "<link rel=\"stylesheet\" href=\"" + request.getContextPath()
                            + "/css/suggestionbox.css\"></head>"
                            + "<body><main id=\"main\"><p class=\"notice error\" role=\"alert\" id=\"request-too-large\">"
                            + HtmlUtils.htmlEscape(text) + "</p></main></body></html>");
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + limit + " bytes.");
        problem.setTitle("Request too large");
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        jsonMapper.writeValue(response.getOutputStream(), problem);
    }

    /** A page for browsers outside {@code /api}; problem details for the API and for every other caller. */
    private static boolean wantsPage(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return false;
        }
        String accept = request.getHeader("Accept");
        String type = request.getContentType();
        return (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE))
                || (type != null
                        && (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                                || type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)));
    }

    /** The browser's language among ours; the body is not read, so no {@code lang} form field counts. */
    private static Locale locale(HttpServletRequest request) {
        for (var locales = request.getLocales(); locales.hasMoreElements(); ) {
            Locale candidate = locales.nextElement();
            String language = "iw".equals(candidate.getLanguage()) ? "he" : candidate.getLanguage();
            if (LANGUAGES.contains(language)) {
                return Locale.forLanguageTag(language);
            }
        }
        return Locale.ENGLISH;
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
            return new BufferedReader(new InputStreamReader(
                    getInputStream(),
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
