package org.suggestionbox.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What reaches {@code /error} without a page to show — an address nothing answers ({@code 404}), a method or a body
 * type an address does not take ({@code 405}, {@code 415}), a request the firewall refuses before any controller
 * ({@code 400}: a doubled slash, a {@code ;}, an encoded dot), a failure ({@code 5xx}) — answered as RFC 9457 problem
 * details ({@link ErrorProblems}), like every other refusal of the API, instead of Spring Boot's own JSON. Browsers,
 * which ask for HTML, keep their page ({@link PageErrorViews}).
 */
final class ProblemErrorController extends BasicErrorController {

    ProblemErrorController(ErrorAttributes attributes, ErrorProperties properties, List<ErrorViewResolver> pages) {
        super(attributes, properties, pages);
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : null;
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ErrorProblems.of(status, path));
    }
}
