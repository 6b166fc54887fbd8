package org.suggestionbox.router.idea;

import org.jspecify.annotations.Nullable;
import org.suggestionbox.events.ProgressStatus;

/**
 * Where work on an explored idea stands, with the owner's note: the impact, or why it was shelved.
 *
 * @param implementation for an implemented idea, its estimated and measured benefit
 */
public record Progress(
        ProgressStatus status, String note, @Nullable Implementation implementation) {

    /** Progress short of an implementation. */
    public Progress(ProgressStatus status, String note) {
        this(status, note, null);
    }
}
