package org.suggestionbox.notifier.delivery;

import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.notifier.message.Message;

/**
 * One way of reaching a person (a strategy per {@link DeliveryChannel}), one bean each. A channel
 * gets a message when the recipient chose it ({@link ChannelChoices}; the in-app inbox always), the
 * channel is {@link #configured()} and it {@link #reaches} the recipient.
 */
public interface NotificationChannel {

    DeliveryChannel channel();

    /** Whether this installation set the channel up (a token, a secret); an unconfigured one sends nothing. */
    default boolean configured() {
        return true;
    }

    /** Whether the channel knows where to send this recipient's message (a Slack id, a webhook URL). */
    default boolean reaches(Message message, String recipientRef) {
        return true;
    }

    /**
     * Whether the channel sends to a destination a person chose (their own Teams or webhook URL):
     * such a delivery that fails is retried from the delivery ledger with back-off, off the Kafka
     * partition, so that one broken URL holds up nobody else's messages; the other channels fail the
     * event, whose retries the listener's error handler makes.
     */
    default boolean personalDestination() {
        return false;
    }

    /**
     * Delivers the message or throws. Called again for the same message after a failure, so a
     * channel that can make sending idempotent should.
     *
     * @param recipientRef the recipient's opaque reference, the only identity a channel may store
     */
    void send(Message message, String recipientRef);
}
