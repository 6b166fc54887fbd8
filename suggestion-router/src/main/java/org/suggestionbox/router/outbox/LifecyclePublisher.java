package org.suggestionbox.router.outbox;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.stereotype.Component;
import org.suggestionbox.events.IdeaLifecycleEvent;
import org.suggestionbox.events.Topics;
import org.suggestionbox.platform.kafka.EventPublisher;

/** Publishes lifecycle events to {@link Topics#IDEAS_LIFECYCLE}, keyed by idea id, and waits for the ack. */
@Component
class LifecyclePublisher {

    private final EventPublisher publisher;

    LifecyclePublisher(EventPublisher publisher) {
        this.publisher = publisher;
    }

    void publish(IdeaLifecycleEvent event, Duration timeout) throws PublishFailedException {
        try {
            publisher.publish(Topics.IDEAS_LIFECYCLE, event).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException(event, ex);
        }
        catch (ExecutionException | TimeoutException | RuntimeException ex) {
            throw new PublishFailedException(event, ex);
        }
    }

    /** The broker did not acknowledge an event in time. */
    static class PublishFailedException extends Exception {

        PublishFailedException(IdeaLifecycleEvent event, Throwable cause) {
            super("Could not publish " + event.getClass().getSimpleName() + " " + event.eventId(), cause);
        }
    }
}
