package org.suggestionbox.router.idea;

import java.time.Duration;
import java.time.Instant;
import org.suggestionbox.events.ReminderPoint;

/**
 * By when the owner must answer, and since when this deadline runs (routing, a reassignment or an
 * escalation starts a new one). It is missed from {@code dueBy} on: an idea is overdue at the deadline
 * instant itself, and that is when the watchdog escalates it.
 */
public record Deadline(Instant dueBy, Instant startedAt) {

    /** Whether the deadline has come at {@code now}. */
    public boolean hasPassed(Instant now) {
        return !now.isBefore(dueBy);
    }

    /** When a reminder point comes for this deadline. */
    public Instant reminderAt(ReminderPoint point) {
        return switch (point) {
            case HALF_TIME -> startedAt.plus(Duration.between(startedAt, dueBy).dividedBy(2));
            case ONE_DAY_BEFORE -> dueBy.minus(Duration.ofDays(1));
        };
    }
}
