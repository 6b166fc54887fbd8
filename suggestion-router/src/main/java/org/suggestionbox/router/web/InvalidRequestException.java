package org.suggestionbox.router.web;

import java.util.List;
import org.suggestionbox.router.idea.Violation;

/**
 * A request whose fields break a rule outside the idea aggregate (the directory and rules administration);
 * answered with 400 and one entry per field, like an {@link org.suggestionbox.router.idea.IdeaActionRefused}
 * for an incomplete action.
 */
public class InvalidRequestException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidRequestException(List<Violation> violations) {
        super("Invalid request: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
