package org.suggestionbox.router.decision;

import org.jspecify.annotations.Nullable;
import org.suggestionbox.events.ProgressStatus;
import org.suggestionbox.router.idea.ImpactDraft;

/**
 * A later update on an explored idea; {@code note} is what changed (in progress) or the reason
 * (shelved). {@code IMPLEMENTED} needs {@code impact} (summary, amount, unit) and may carry a
 * {@code thankYouNote} to the submitters.
 */
public record StatusRequest(
        @Nullable ProgressStatus status,
        @Nullable String note,
        @Nullable ImpactDraft impact,
        @Nullable String thankYouNote) {

    /** An update without impact or thanks. */
    public StatusRequest(@Nullable ProgressStatus status, @Nullable String note) {
        this(status, note, null, null);
    }
}
