package org.suggestionbox.notifier.proof;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.NotificationEvent;
import org.suggestionbox.events.Topics;
import org.suggestionbox.notifier.config.NotifierProperties;
import org.suggestionbox.platform.kafka.EventPublisher;

/**
 * Publishes {@code NotificationDelivered} / {@code NotificationFailed} to
 * {@link Topics#NOTIFICATIONS_DELIVERED}, keyed by idea id, at most {@code publish-timeout} waiting for the
 * acknowledgement.
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

    /**
     * Sends the event and completes with whether the broker acknowledged it in time; never completes
     * exceptionally (a failure is logged and completes with {@code false}).
     */
    public CompletableFuture<Boolean> publishAsync(NotificationEvent event) {
        try {
            return publisher
                    .publish(Topics.NOTIFICATIONS_DELIVERED, event)
                    .orTimeout(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .handle((result, failure) -> {
                        if (failure != null) {
                            warn(event, failure);
                        }
                        return failure == null;
                    });
        } catch (RuntimeException ex) {
            warn(event, ex);
            return CompletableFuture.completedFuture(false);
        }
    }

    /** @return whether the broker acknowledged the event in time */
    public boolean publish(NotificationEvent event) {
        return publishAsync(event).join();
    }

    private static void warn(NotificationEvent event, Throwable failure) {
        LOG.warn(
                "Could not publish {} {} for idea {}: {}",
                event.getClass().getSimpleName(),
                event.eventId(),
                event.ideaId(),
                failure.toString());
    }
}
