package org.suggestionbox.intake.submission;

import java.util.List;
import org.suggestionbox.events.Visibility;

/**
 * A draft that passed every rule: trimmed text, a known category and the checked co-submitters
 * (known, without duplicates and without the submitter; empty unless from a team meeting), and who may
 * see it (never {@link Visibility#COMPANY_NAMED} when anonymous).
 */
record ValidIdea(
        String title,
        String description,
        String category,
        boolean anonymous,
        List<String> coSubmitterIds,
        Visibility visibility)
        implements Validation {

    public ValidIdea {
        coSubmitterIds = List.copyOf(coSubmitterIds);
    }

    public ValidIdea(String title, String description, String category, boolean anonymous) {
        this(title, description, category, anonymous, List.of(), Visibility.DEFAULT);
    }

    ValidIdea withCoSubmitters(List<String> ids) {
        return new ValidIdea(title, description, category, anonymous, ids, visibility);
    }
}
