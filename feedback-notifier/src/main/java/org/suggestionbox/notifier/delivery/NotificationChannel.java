package org.suggestionbox.notifier.delivery;

import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.notifier.message.Message;

/**
 * One way of reaching a person (a strategy per {@link DeliveryChannel}). Every channel bean gets
 * every message; new ones (Slack, Teams, webhook — #5) are added as further beans.
 */
public interface NotificationChannel {

    DeliveryChannel channel();

    /**
     * Delivers the message or throws. Called again for the same message after a failure, so a
     * channel that can make sending idempotent should.
     *
     * @param recipientRef the recipient's opaque reference, the only identity a channel may store
     */
    void send(Message message, String recipientRef);
}
