package org.suggestionbox.router.decision;

import java.util.List;

import org.suggestionbox.router.idea.IncompleteDecisionException.Violation;

/** A request whose fields break a rule; answered with 400 and one entry per field. */
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
