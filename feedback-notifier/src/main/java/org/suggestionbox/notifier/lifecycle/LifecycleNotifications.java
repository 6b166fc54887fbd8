package org.suggestionbox.notifier.lifecycle;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.suggestionbox.events.IdeaLifecycleEvent;
import org.suggestionbox.notifier.delivery.Deliveries;
import org.suggestionbox.notifier.message.Message;
import org.suggestionbox.notifier.message.MessageComposer;

/** Tells everyone concerned what happened to an idea: composes the messages, then delivers them. */
@Service
class LifecycleNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleNotifications.class);

    private final MessageComposer composer;
    private final Deliveries deliveries;

    LifecycleNotifications(MessageComposer composer, Deliveries deliveries) {
        this.composer = composer;
        this.deliveries = deliveries;
    }

    void handle(IdeaLifecycleEvent event) {
        List<Message> messages = composer.compose(event);
        LOG.debug("{} {} of idea {}: {} messages", event.getClass().getSimpleName(), event.eventId(), event.ideaId(),
                messages.size());
        deliveries.deliver(messages);
    }
}
