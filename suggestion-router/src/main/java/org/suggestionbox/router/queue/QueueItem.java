package org.suggestionbox.router.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.router.idea.Assignment;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.idea.IdeaState;
import org.suggestionbox.router.idea.RoutedBecause;

/**
 * One line of an owner's queue.
 *
 * @param due how the deadline looks: {@code OVERDUE}, {@code SOON} (within three days), {@code OK},
 *        or {@code DECIDED} once the owner has decided
 * @param ageDays whole days since the idea was submitted (for an anonymous idea, since the start of that UTC day)
 * @param routedBecause why the idea came to its owner, in English
 * @param routing the same in parts (null for ideas routed before these were kept)
 * @param supportCount how many colleagues said "me too"
 */
public record QueueItem(
        UUID id,
        String title,
        String category,
        IdeaState state,
        @Nullable Instant answerDueBy,
        boolean overdue,
        DueStatus due,
        long ageDays,
        @Nullable String routedBecause,
        @Nullable RoutedBecause routing,
        int supportCount) {

    static final Duration SOON = Duration.ofDays(3);

    /** The deadline badge. */
    public enum DueStatus {
        OVERDUE,
        SOON,
        OK,
        DECIDED
    }

    static QueueItem of(Idea idea, Instant now) {
        Instant dueBy = idea.answerDueBy();
        DueStatus due;
        if (!idea.state().isUndecided()) {
            due = DueStatus.DECIDED;
        } else if (idea.isOverdue(now)) {
            due = DueStatus.OVERDUE;
        } else if (dueBy != null && dueBy.isBefore(now.plus(SOON))) {
            due = DueStatus.SOON;
        } else {
            due = DueStatus.OK;
        }
        // from the day, for an anonymous idea: the moment the count goes up would tell the instant too
        long ageDays =
                Math.max(0, Duration.between(idea.shownSubmittedAt(), now).toDays());
        Assignment assignment = idea.assignment();
        RoutedBecause because = assignment == null ? null : assignment.because();
        return new QueueItem(
                idea.id().value(),
                idea.title(),
                idea.category(),
                idea.state(),
                dueBy,
                idea.isOverdue(now),
                due,
                ageDays,
                because == null ? null : because.inEnglish(),
                because instanceof RoutedBecause.InEnglishOnly ? null : because,
                idea.audience().supportCount());
    }
}
