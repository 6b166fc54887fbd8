package org.suggestionbox.platform.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 for the JSON API as RFC 9457 problem details. */
final class ProblemSecurityHandlers {

    private ProblemSecurityHandlers() {}

    static AuthenticationEntryPoint unauthorized(JsonMapper jsonMapper, boolean bearer, boolean basic) {
        return (request, response, ex) -> {
            if (bearer) {
                response.addHeader("WWW-Authenticate", bearerChallenge(ex));
            }
            if (basic) {
                response.addHeader("WWW-Authenticate", "Basic realm=\"Suggestion Box\"");
            }
            write(jsonMapper, response, HttpStatus.UNAUTHORIZED, detail(ex, bearer));
        };
    }

    static AccessDeniedHandler forbidden(JsonMapper jsonMapper) {
        return (request, response, ex) ->
                write(jsonMapper, response, HttpStatus.FORBIDDEN, "You may not see or act on this resource.");
    }

    private static String bearerChallenge(AuthenticationException ex) {
        return ex instanceof OAuth2AuthenticationException
                ? "Bearer realm=\"Suggestion Box\", error=\"invalid_token\""
                : "Bearer realm=\"Suggestion Box\"";
    }

    private static String detail(AuthenticationException ex, boolean bearer) {
        if (ex instanceof OAuth2AuthenticationException oauth2
                && oauth2.getError().getDescription() != null) {
            return oauth2.getError().getDescription();
        }
        return bearer
                ? "Sign in: send a bearer token issued for this service by the company's sign-in provider."
                : "Sign in with your directory user name and password.";
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
