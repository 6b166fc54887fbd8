package org.suggestionbox.notifier.inbox;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        store.add(recipientRef, entry(message, recipientRef));
    }

    /** All in one bulk insert: they all fail together or are all stored. */
    @Override
    public Map<Integer, RuntimeException> sendAll(List<Addressed> messages) {
        try {
            store.addAll(messages.stream()
                    .map(addressed -> new InboxStore.Addressed(
                            addressed.recipientRef(), entry(addressed.message(), addressed.recipientRef())))
                    .toList());
            return Map.of();
        } catch (RuntimeException ex) {
            Map<Integer, RuntimeException> failures = new HashMap<>();
            for (int i = 0; i < messages.size(); i++) {
                failures.put(i, ex);
            }
            return failures;
        }
    }

    private InboxEntry entry(Message message, String recipientRef) {
        return new InboxEntry(
                EventIds.derive(message.sourceEventId(), recipientRef, channel()),
                message.ideaId(),
                message.kind(),
                message.title(),
                message.body(),
                message.locale().toLanguageTag(),
                message.link(),
                clock.instant(),
                false,
                null);
    }
}
