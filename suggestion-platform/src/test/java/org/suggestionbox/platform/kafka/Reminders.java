package org.suggestionbox.platform.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.suggestionbox.events.AnswerReminderDue;
import org.suggestionbox.events.ReminderPoint;

/** A lifecycle event for the listeners of these tests: a reminder for an idea, nothing else needed to make one. */
final class Reminders {

    private Reminders() {}

    static AnswerReminderDue forIdea(UUID ideaId) {
        Instant now = Instant.now();
        return new AnswerReminderDue(
                UUID.randomUUID(),
                ideaId,
                now,
                AnswerReminderDue.SCHEMA_VERSION,
                "An idea waiting for its owner",
                "maya",
                ReminderPoint.HALF_TIME,
                now.plus(Duration.ofDays(7)));
    }
}
