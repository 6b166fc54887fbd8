package org.suggestionbox.router.decision;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Merges an idea as a duplicate into {@code originalId}; the note stays in the duplicate's history. */
public record MergeRequest(
        @Nullable UUID originalId, @Nullable String note) {}
