package org.suggestionbox.router.outbox;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.IdeaLifecycleEvent;
import org.suggestionbox.events.Topics;
import org.suggestionbox.platform.kafka.EventPublisher;
import tools.jackson.core.JacksonException;

/** Publishes lifecycle events to {@link Topics#IDEAS_LIFECYCLE}, keyed by idea id, and waits for the ack. */
@Component
class LifecyclePublisher {

    private final EventPublisher publisher;

    LifecyclePublisher(EventPublisher publisher) {
        this.publisher = publisher;
    }

    void publish(IdeaLifecycleEvent event, Duration timeout) throws PublishFailedException {
        await(event, send(event), System.nanoTime() + timeout.toNanos());
    }

    /** Hands the event to the producer without waiting; a failure to even send shows in the future. */
    CompletableFuture<?> send(IdeaLifecycleEvent event) {
        try {
            return publisher.publish(Topics.IDEAS_LIFECYCLE, event);
        } catch (RuntimeException ex) {
            return CompletableFuture.failedFuture(ex);
        }
    }

    /** Waits until {@code deadlineNanos} ({@link System#nanoTime()}) for the broker's ack of a {@link #send}. */
    static void await(IdeaLifecycleEvent event, CompletableFuture<?> sent, long deadlineNanos)
            throws PublishFailedException {
        try {
            sent.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException(event, ex);
        } catch (ExecutionException | TimeoutException | RuntimeException ex) {
            throw new PublishFailedException(event, ex);
        }
    }

    /**
     * Why an event can never be published, or null when trying again may succeed. Only failures of the
     * record itself are permanent; anything Kafka marks retriable (a broker outage, a timeout, a
     * leader election) and anything unknown is not, so an outage is retried for as long as it lasts.
     */
    static @Nullable DeadLetterReason permanentReason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RetriableException) {
                return null;
            }
            if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException) {
                return DeadLetterReason.TOO_LARGE;
            }
            if (cause instanceof SerializationException || cause instanceof JacksonException) {
                return DeadLetterReason.NOT_SERIALIZABLE;
            }
        }
        return null;
    }

    /** The broker did not acknowledge an event, or the event can never be published. */
    static class PublishFailedException extends Exception {

        private final @Nullable DeadLetterReason permanent;

        PublishFailedException(IdeaLifecycleEvent event, Throwable cause) {
            super(
                    "Could not publish " + event.getClass().getSimpleName() + " " + event.eventId() + ": " + cause,
                    cause);
            this.permanent = permanentReason(cause);
        }

        /** Why retrying can never help, or null when it may. */
        @Nullable
        DeadLetterReason permanent() {
            return permanent;
        }
    }
}
