package org.suggestionbox.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A form or query field whose name no form can bind — an index on a text ({@code title[0]}) or past what a list
 * grows to ({@code coSubmitterIds[256]}) — is a request nobody's page sends: {@code 400}, answered like every
 * other bad request (the error page in the person's language, or problem details), instead of the {@code 500}
 * Spring's data binder would end in.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
final class UnbindableFields {

    @ExceptionHandler(InvalidPropertyException.class)
    void refuse(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST, "A field's name cannot be bound.");
    }
}
