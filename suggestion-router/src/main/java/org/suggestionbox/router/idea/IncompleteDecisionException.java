package org.suggestionbox.router.idea;

import java.util.List;

/**
 * A decision without what it needs: a decline needs a reason code and a written explanation, an
 * exploration a next step and an expected date.
 */
public class IncompleteDecisionException extends RuntimeException {

    private final List<Violation> violations;

    public IncompleteDecisionException(List<Violation> violations) {
        super("Incomplete decision: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    /** One missing or wrong field. */
    public record Violation(String field, String message) {
    }
}
