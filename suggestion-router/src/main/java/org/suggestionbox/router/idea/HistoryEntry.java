package org.suggestionbox.router.idea;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One step in an idea's life: who did what, when and why.
 *
 * @param by the directory id of who acted; absent for an anonymous submitter and for the system
 * @param why the reason or note given, if any
 */
public record HistoryEntry(
        Instant at,
        @Nullable String by,
        Milestone what,
        @Nullable String why) {}
