package org.suggestionbox.router.queue;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.router.idea.Violation;
import org.suggestionbox.router.web.InvalidRequestException;

/** How the owner queue is ordered: by answer deadline (undecided first), or most "me too"s first. */
public enum QueueSort {
    DEADLINE,
    SUPPORT;

    /** {@code ?sort=} in any case; absent is {@link #DEADLINE}, anything else a 400. */
    static QueueSort of(@Nullable String sort) {
        if (sort == null || sort.isBlank()) {
            return DEADLINE;
        }
        try {
            return valueOf(sort.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new InvalidRequestException(List.of(new Violation("sort", "deadline or support.")));
        }
    }
}
