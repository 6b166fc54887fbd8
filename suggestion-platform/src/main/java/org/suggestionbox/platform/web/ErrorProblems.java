package org.suggestionbox.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * The RFC 9457 problem for a status that no controller explained: its title, its status and what it means to the
 * caller, never the exception behind it. Shared by Spring's {@code /error} ({@link ProblemErrorController}) and by
 * Tomcat, which refuses some requests before Spring sees them ({@link ProblemErrorReportValve}).
 */
final class ErrorProblems {

    private ErrorProblems() {}

    static Map<String, Object> of(HttpStatus status, @Nullable String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail(status));
        if (instance != null) {
            problem.put("instance", instance);
        }
        return problem;
    }

    private static String detail(HttpStatus status) {
        if (status.is5xxServerError()) {
            return "The service could not answer this request. Try again; if it keeps failing, tell the administrators.";
        }
        return switch (status) {
            case BAD_REQUEST -> "This service cannot take the request as it was sent.";
            case NOT_FOUND -> "Nothing answers at this address.";
            // not the method by name: on the error dispatch the request reports GET, whatever was sent
            case METHOD_NOT_ALLOWED -> "This address does not take this method; its Allow header names those it takes.";
            case UNSUPPORTED_MEDIA_TYPE -> "This address does not read a body of this Content-Type.";
            default -> status.getReasonPhrase() + ".";
        };
    }
}
