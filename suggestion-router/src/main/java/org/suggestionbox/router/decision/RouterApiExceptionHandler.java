package org.suggestionbox.router.decision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.suggestionbox.router.idea.IllegalTransitionException;
import org.suggestionbox.router.idea.IncompleteDecisionException;

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

    @ExceptionHandler(IllegalTransitionException.class)
    ProblemDetail illegalTransition(IllegalTransitionException ex) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Not possible in this state", ex.getMessage());
        problem.setProperty("state", ex.state());
        return problem;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentChange(OptimisticLockingFailureException ex) {
        LOG.debug("Concurrent change: {}", ex.getMessage());
        return problem(HttpStatus.CONFLICT, "Changed meanwhile",
                "Someone else changed this idea at the same time. Reload it and try again.");
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException ex) {
        return invalid(ex.violations());
    }

    @ExceptionHandler(IncompleteDecisionException.class)
    ProblemDetail incomplete(IncompleteDecisionException ex) {
        return invalid(ex.violations());
    }

    private static ProblemDetail invalid(List<IncompleteDecisionException.Violation> violations) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "The request has invalid fields.");
        problem.setProperty("errors", violations.stream().map(violation -> {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("field", violation.field());
            error.put("message", violation.message());
            return error;
        }).toList());
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
