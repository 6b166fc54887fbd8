package org.suggestionbox.intake.submission;

import java.util.List;

/**
 * A draft that passed every rule: trimmed text, a known category and the checked co-submitters
 * (known, without duplicates and without the submitter; empty unless from a team meeting).
 */
record ValidIdea(String title, String description, String category, boolean anonymous, List<String> coSubmitterIds)
        implements Validation {

    public ValidIdea {
        coSubmitterIds = List.copyOf(coSubmitterIds);
    }

    public ValidIdea(String title, String description, String category, boolean anonymous) {
        this(title, description, category, anonymous, List.of());
    }
}
