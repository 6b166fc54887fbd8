package org.suggestionbox.events;

import java.time.Instant;
import java.util.UUID;

/** A notification could not be delivered on a channel after every retry. */
public record NotificationFailed(
        UUID eventId,
        UUID ideaId,
        Instant occurredAt,
        int schemaVersion,
        UUID sourceEventId,
        String sourceEventType,
        RecipientRole recipientRole,
        String recipientRef,
        DeliveryChannel channel,
        int attempts,
        String cause)
        implements NotificationEvent {

    public static final int SCHEMA_VERSION = 1;
}
