package org.suggestionbox.intake.publishing;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.IdeaSubmitted;
import org.suggestionbox.events.Topics;
import org.suggestionbox.intake.config.IntakeProperties;
import org.suggestionbox.intake.submission.IdeaPublisher;
import org.suggestionbox.intake.submission.PublicationFailedException;
import org.suggestionbox.platform.kafka.EventPublisher;

/**
 * Sends {@link IdeaSubmitted} to {@value Topics#IDEAS_SUBMITTED}, keyed by idea id, and blocks until
 * the broker acknowledged it ({@code acks=all}, idempotent producer). The producer gives up on its
 * own after {@code max.block.ms} (no metadata, e.g. broker unreachable) or
 * {@code delivery.timeout.ms}; {@code suggestionbox.intake.broker-timeout} is a backstop above both.
 */
@Component
class IdeaSubmittedPublisher implements IdeaPublisher {

    private final EventPublisher events;
    private final Duration timeout;

    IdeaSubmittedPublisher(EventPublisher events, IntakeProperties properties) {
        this.events = events;
        this.timeout = properties.brokerTimeout();
    }

    @Override
    public void publish(IdeaSubmitted event) {
        try {
            events.publish(Topics.IDEAS_SUBMITTED, event).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new PublicationFailedException("interrupted while waiting for the broker", ex);
        } catch (ExecutionException ex) {
            throw new PublicationFailedException(
                    "the broker did not acknowledge the event: " + NestedExceptionUtils.getMostSpecificCause(ex), ex);
        } catch (TimeoutException ex) {
            throw new PublicationFailedException(
                    "no acknowledgement from the broker within " + timeout
                            + " (the record may still arrive; a retry with the same Idempotency-Key re-creates the same idea id)",
                    ex);
        } catch (RuntimeException ex) {
            // KafkaTemplate may fail before it hands back a future (e.g. the producer cannot be created)
            throw new PublicationFailedException(
                    "the event could not be sent: " + NestedExceptionUtils.getMostSpecificCause(ex), ex);
        }
    }
}
