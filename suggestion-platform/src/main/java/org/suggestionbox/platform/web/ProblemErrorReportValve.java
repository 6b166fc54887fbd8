package org.suggestionbox.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.suggestionbox.platform.security.SecurityHeaders;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's answer to a request it refuses before any application sees it (an encoded NUL in the path, {@code %00}; a
 * request line or header over its 8 KB): RFC 9457 problem details ({@link ErrorProblems}) for a caller that does not
 * ask for HTML, as Spring's {@code /error} answers ({@link ProblemErrorController}); Tomcat's own short page, without
 * its version, for a browser. Either carries the headers of every response ({@link SecurityHeaders}), which no filter
 * wrote. Installed as the host's error report valve, so Tomcat finds it in place of its own.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, @Nullable Throwable throwable) {
        HttpStatus status = HttpStatus.resolve(response.getStatus());
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (status == null || !status.isError() || response.getContentWritten() > 0) {
            super.report(request, response, throwable);
            return;
        }
        SecurityHeaders.writeTo(request, response, SecurityHeaders.INLINE_STYLE_ONLY);
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            super.report(request, response, throwable);
            return;
        }
        if (!response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JsonMapper.shared().writeValueAsString(ErrorProblems.of(status, null)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ex) {
            // the connection is gone or the response committed meanwhile: nothing more to tell the caller
        }
    }
}
