package org.suggestionbox.events;

import java.time.Instant;
import java.util.UUID;

/** An owner has not answered yet and the deadline is getting close. */
public record AnswerReminderDue(
        UUID eventId,
        UUID ideaId,
        Instant occurredAt,
        int schemaVersion,
        String title,
        String ownerId,
        ReminderPoint reminder,
        Instant answerDueBy)
        implements IdeaLifecycleEvent {

    public static final int SCHEMA_VERSION = 1;
}
