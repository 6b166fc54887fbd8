package org.suggestionbox.platform.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 for the JSON API as RFC 9457 problem details. */
final class ProblemSecurityHandlers {

    private ProblemSecurityHandlers() {
    }

    static AuthenticationEntryPoint unauthorized(JsonMapper jsonMapper) {
        return (request, response, ex) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Suggestion Box\"");
            write(jsonMapper, response, HttpStatus.UNAUTHORIZED, "Sign in with your directory user name and password.");
        };
    }

    static AccessDeniedHandler forbidden(JsonMapper jsonMapper) {
        return (request, response, ex) -> write(jsonMapper, response, HttpStatus.FORBIDDEN,
                "You may not see or act on this resource.");
    }

    private static void write(JsonMapper jsonMapper, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        jsonMapper.writeValue(response.getOutputStream(), problem);
    }

}
