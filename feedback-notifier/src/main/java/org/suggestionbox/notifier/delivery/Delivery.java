package org.suggestionbox.notifier.delivery;

import java.time.Instant;
import java.util.UUID;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.events.EventIds;
import org.suggestionbox.events.NotificationDelivered;
import org.suggestionbox.events.NotificationFailed;
import org.suggestionbox.events.RecipientRole;
import org.suggestionbox.notifier.message.Message;
import org.suggestionbox.notifier.message.MessageKind;

/**
 * What the ledger knows of one delivery: enough to prove it later, nothing that names the person.
 *
 * @param proofEventId the id of the delivery's proof and of its ledger row: the same delivery always proves itself
 *     with the same event id, derived from event, recipient and channel once when the delivery is made (its id is
 *     asked for about eight times on its way, each derivation a digest)
 */
record Delivery(
        UUID proofEventId,
        UUID sourceEventId,
        String sourceEventType,
        UUID ideaId,
        RecipientRole recipientRole,
        String recipientRef,
        DeliveryChannel channel,
        MessageKind kind) {

    static Delivery of(Message message, String recipientRef, DeliveryChannel channel) {
        return new Delivery(
                EventIds.derive(message.sourceEventId(), recipientRef, channel),
                message.sourceEventId(),
                message.sourceEventType(),
                message.ideaId(),
                message.recipient().role(),
                recipientRef,
                channel,
                message.kind());
    }

    NotificationDelivered delivered(Instant now) {
        return new NotificationDelivered(
                proofEventId(),
                ideaId,
                now,
                NotificationDelivered.SCHEMA_VERSION,
                sourceEventId,
                sourceEventType,
                recipientRole,
                recipientRef,
                channel);
    }

    NotificationFailed failed(Instant now, int attempts, String cause) {
        return new NotificationFailed(
                EventIds.derive(sourceEventId, recipientRef, channel, "failed"),
                ideaId,
                now,
                NotificationFailed.SCHEMA_VERSION,
                sourceEventId,
                sourceEventType,
                recipientRole,
                recipientRef,
                channel,
                attempts,
                cause);
    }
}
