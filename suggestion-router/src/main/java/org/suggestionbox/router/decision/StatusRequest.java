package org.suggestionbox.router.decision;

import org.jspecify.annotations.Nullable;
import org.suggestionbox.events.ProgressStatus;

/** A later update on an explored idea; {@code note} is the impact (implemented) or the reason (shelved). */
public record StatusRequest(
        @Nullable ProgressStatus status, @Nullable String note) {}
