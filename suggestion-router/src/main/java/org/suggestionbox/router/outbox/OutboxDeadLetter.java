package org.suggestionbox.router.outbox;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A lifecycle event that left an idea's outbox because it can never be published. Until an
 * administrator resolves it, its idea counts as unanswered.
 *
 * @param eventId the event's id (the record's id, so recording it twice keeps one)
 * @param ideaId the idea whose outbox held it
 * @param eventType the event's type, e.g. {@code IdeaDecided}
 * @param reason why it cannot be published
 * @param cause the failure's message, shortened
 * @param deadAt when it left the outbox
 * @param resolvedAt when an administrator marked it dealt with; null while open
 * @param resolvedBy who did
 */
public record OutboxDeadLetter(
        UUID eventId,
        UUID ideaId,
        String eventType,
        DeadLetterReason reason,
        String cause,
        Instant deadAt,
        @Nullable Instant resolvedAt,
        @Nullable String resolvedBy) {

    public boolean open() {
        return resolvedAt == null;
    }
}
