package org.suggestionbox.notifier.proof;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.NotificationEvent;
import org.suggestionbox.events.Topics;
import org.suggestionbox.notifier.config.NotifierProperties;
import org.suggestionbox.platform.kafka.EventPublisher;

/**
 * Publishes {@code NotificationDelivered} / {@code NotificationFailed} to
 * {@link Topics#NOTIFICATIONS_DELIVERED}, keyed by idea id, and waits for the acknowledgement.
 */
@Component
public class NotificationProofPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationProofPublisher.class);

    private final EventPublisher publisher;
    private final NotifierProperties properties;

    NotificationProofPublisher(EventPublisher publisher, NotifierProperties properties) {
        this.publisher = publisher;
        this.properties = properties;
    }

    /** @return whether the broker acknowledged the event in time */
    public boolean publish(NotificationEvent event) {
        try {
            publisher.publish(Topics.NOTIFICATIONS_DELIVERED, event)
                    .get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
        catch (ExecutionException | TimeoutException | RuntimeException ex) {
            LOG.warn("Could not publish {} {} for idea {}: {}", event.getClass().getSimpleName(), event.eventId(),
                    event.ideaId(), ex.toString());
            return false;
        }
    }
}
