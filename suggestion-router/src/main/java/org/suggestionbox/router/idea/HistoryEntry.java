package org.suggestionbox.router.idea;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.events.DeclineReason;

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
        @Nullable String why) {

    /**
     * For a decline, the reason code its text starts with: {@link Idea} records a decline's why as
     * {@code NOT_FEASIBLE: explanation}. Absent for every other entry.
     */
    public @Nullable DeclineReason declineReason() {
        if (what != Milestone.DECLINED || why == null) {
            return null;
        }
        for (DeclineReason reason : DeclineReason.values()) {
            if (why.startsWith(reason.name() + ": ")) {
                return reason;
            }
        }
        return null;
    }
}
