package org.suggestionbox.intake.submission;

import org.jspecify.annotations.Nullable;

/** An idea as a person typed it, before any rule looked at it. */
public record IdeaDraft(@Nullable String title, @Nullable String description, @Nullable String category,
        boolean anonymous) {
}
