package org.suggestionbox.notifier.inbox;

import java.time.Clock;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.events.EventIds;
import org.suggestionbox.notifier.delivery.NotificationChannel;
import org.suggestionbox.notifier.message.Message;

/** Delivers a message into the recipient's in-app inbox; first, as it is the channel least likely to fail. */
@Component
@Order(1)
class InboxChannel implements NotificationChannel {

    private final InboxStore store;
    private final Clock clock;

    InboxChannel(InboxStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.IN_APP;
    }

    @Override
    public void send(Message message, String recipientRef) {
        store.add(
                recipientRef,
                new InboxEntry(
                        EventIds.derive(message.sourceEventId(), recipientRef, channel()),
                        message.ideaId(),
                        message.kind(),
                        message.title(),
                        message.body(),
                        message.link(),
                        clock.instant(),
                        false,
                        null));
    }
}
