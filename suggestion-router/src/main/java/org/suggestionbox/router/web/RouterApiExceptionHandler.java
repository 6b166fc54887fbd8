package org.suggestionbox.router.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.suggestionbox.router.decision.IdeaAccessDeniedException;
import org.suggestionbox.router.idea.IdeaActionRefused;
import org.suggestionbox.router.idea.Violation;
import org.suggestionbox.router.lifecycle.IdeaNotFoundException;

/** The router's domain failures as RFC 9457 problem details. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RouterApiExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RouterApiExceptionHandler.class);

    @ExceptionHandler(IdeaNotFoundException.class)
    ProblemDetail notFound(IdeaNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "Idea not found", ex.getMessage());
    }

    @ExceptionHandler(IdeaAccessDeniedException.class)
    ProblemDetail forbidden(IdeaAccessDeniedException ex) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage());
    }

    /**
     * The aggregate refused: 409 when the idea's state does not allow the action, 400 with one entry per
     * field when the action lacks what it needs.
     */
    @ExceptionHandler(IdeaActionRefused.class)
    ProblemDetail refused(IdeaActionRefused ex) {
        return switch (ex.reason()) {
            case NOT_IN_THIS_STATE -> {
                ProblemDetail problem = problem(HttpStatus.CONFLICT, "Not possible in this state", ex.getMessage());
                problem.setProperty("state", ex.state());
                yield problem;
            }
            case INCOMPLETE -> invalid(ex.violations());
        };
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentChange(OptimisticLockingFailureException ex) {
        LOG.debug("Concurrent change: {}", ex.getMessage());
        return problem(
                HttpStatus.CONFLICT,
                "Changed meanwhile",
                "Someone else changed this idea at the same time. Reload it and try again.");
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException ex) {
        return invalid(ex.violations());
    }

    private static ProblemDetail invalid(List<Violation> violations) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "The request has invalid fields.");
        problem.setProperty(
                "errors",
                violations.stream()
                        .map(violation -> {
                            Map<String, String> error = new LinkedHashMap<>();
                            error.put("field", violation.field());
                            error.put("message", violation.message());
                            return error;
                        })
                        .toList());
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
