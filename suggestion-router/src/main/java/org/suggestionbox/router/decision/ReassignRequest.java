package org.suggestionbox.router.decision;

import org.jspecify.annotations.Nullable;

/** Hands an undecided idea to another owner, with a note saying why. */
public record ReassignRequest(
        @Nullable String ownerId, @Nullable String note) {}
