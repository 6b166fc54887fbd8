package org.suggestionbox.intake.submission;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An idea as a person typed it, before any rule looked at it.
 *
 * @param coSubmitterIds the directory ids of the people the idea is submitted with, when an owner
 *        submits it on behalf of a team meeting; {@code null} when it is not from a team meeting (an
 *        empty list means "from a team meeting" with nobody chosen, which the rules refuse)
 * @param visibility who may see the idea, as the person chose it: a {@link org.suggestionbox.events.Visibility}
 *        name; {@code null} or blank when they chose nothing (the default applies), anything else is
 *        refused by the rules
 */
public record IdeaDraft(
        @Nullable String title,
        @Nullable String description,
        @Nullable String category,
        boolean anonymous,
        @Nullable List<String> coSubmitterIds,
        @Nullable String visibility) {

    public IdeaDraft {
        // a JSON array may hold nulls: they name nobody and are dropped
        coSubmitterIds = coSubmitterIds == null
                ? null
                : coSubmitterIds.stream().filter(Objects::nonNull).toList();
    }

    /** A draft without a visibility choice. */
    public IdeaDraft(
            @Nullable String title,
            @Nullable String description,
            @Nullable String category,
            boolean anonymous,
            @Nullable List<String> coSubmitterIds) {
        this(title, description, category, anonymous, coSubmitterIds, null);
    }

    /** A draft that is not from a team meeting. */
    public IdeaDraft(
            @Nullable String title, @Nullable String description, @Nullable String category, boolean anonymous) {
        this(title, description, category, anonymous, null);
    }

    /** This draft with the visibility the person chose ({@code null}: none). */
    public IdeaDraft withVisibility(@Nullable String chosen) {
        return new IdeaDraft(title, description, category, anonymous, coSubmitterIds, chosen);
    }
}
