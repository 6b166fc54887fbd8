package org.suggestionbox.router.dashboard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.idea.Owner;

/**
 * What one undecided idea adds to its owner's backlog roll-up: one open idea, submitted on its day, due in
 * its hour (when it has a deadline).
 */
public record BacklogEntry(
        String ownerId, Instant submittedAt, @Nullable Instant dueBy) {

    static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH");

    /** What {@code idea} adds to the backlog as it is now; null when it adds nothing (decided, or not routed). */
    public static @Nullable BacklogEntry of(Idea idea) {
        Owner owner = idea.owner();
        if (owner == null || !idea.state().isUndecided()) {
            return null;
        }
        return new BacklogEntry(owner.id(), idea.submittedAt(), idea.answerDueBy());
    }

    void addTo(Map<String, Long> counts, long delta) {
        counts.merge("open", delta, Long::sum);
        counts.merge("submitted." + DAY.format(submittedAt.atOffset(ZoneOffset.UTC)), delta, Long::sum);
        if (dueBy != null) {
            counts.merge(
                    "due." + HOUR.format(dueBy.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS)),
                    delta,
                    Long::sum);
        }
    }
}
