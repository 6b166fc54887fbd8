package org.suggestionbox.intake.submission;

import java.util.List;

/**
 * One broken rule: which field, and a message code (with arguments) that the API and the form
 * resolve in the reader's language.
 */
public record FieldViolation(String field, String code, List<Object> args) {

    public FieldViolation {
        args = List.copyOf(args);
    }

    static FieldViolation of(String field, String code, Object... args) {
        return new FieldViolation(field, code, List.of(args));
    }
}
