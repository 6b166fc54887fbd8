package org.suggestionbox.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification reached its recipient on a channel.
 *
 * @param recipientRef an opaque, stable reference to the recipient (a hash, never a name)
 */
public record NotificationDelivered(
        UUID eventId,
        UUID ideaId,
        Instant occurredAt,
        int schemaVersion,
        UUID sourceEventId,
        String sourceEventType,
        RecipientRole recipientRole,
        String recipientRef,
        DeliveryChannel channel)
        implements NotificationEvent {

    public static final int SCHEMA_VERSION = 1;
}
