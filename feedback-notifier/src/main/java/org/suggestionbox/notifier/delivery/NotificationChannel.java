package org.suggestionbox.notifier.delivery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** A message and the reference of the recipient it goes to. */
    record Addressed(Message message, String recipientRef) {}

    /**
     * Delivers many messages; a failing one does not stop the others. The default sends them one by one;
     * a channel that can do better (one bulk write) does.
     *
     * @return what each message that failed failed with, by its index in {@code messages}
     */
    default Map<Integer, RuntimeException> sendAll(List<Addressed> messages) {
        Map<Integer, RuntimeException> failures = new HashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            Addressed addressed = messages.get(i);
            try {
                send(addressed.message(), addressed.recipientRef());
            } catch (RuntimeException ex) {
                failures.put(i, ex);
            }
        }
        return failures;
    }
}
