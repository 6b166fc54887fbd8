package org.suggestionbox.intake.submission;

import java.util.List;

/** What the rules made of a draft: a valid idea, or the list of what is wrong with it. */
sealed interface Validation permits ValidIdea, Validation.Invalid {

    record Invalid(List<FieldViolation> violations) implements Validation {

        public Invalid {
            violations = List.copyOf(violations);
        }
    }
}
