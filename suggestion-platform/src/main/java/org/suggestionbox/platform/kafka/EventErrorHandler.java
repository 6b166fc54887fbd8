package org.suggestionbox.platform.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.BackOff;

/**
 * The shared error handler, classifying every failure of a batch listener's record afresh.
 * <p>
 * spring-kafka 4.1 keeps a failed record's back-off until the class of the failure's root changes, and looks for
 * the root below {@code ListenerExecutionFailedException} only: for a batch listener that is always the
 * {@link BatchListenerFailedException} naming the record. A record that failed with a retryable exception and then
 * with one that is not (a notifier's delivery failing its last attempt) was therefore retried until the back-off
 * ran out, failing for good each time; after a rebalance, which starts the back-off again, that was three times.
 * Such a failure is handed on as a {@link FailedForGood}: its own class makes spring-kafka start the record's
 * back-off again, classify the failure as not retryable and recover the record at once.
 */
final class EventErrorHandler extends DefaultErrorHandler {

    EventErrorHandler(ConsumerRecordRecoverer recoverer, BackOff backOff) {
        super(recoverer, backOff);
    }

    @Override
    public void handleBatch(
            Exception thrownException,
            ConsumerRecords<?, ?> data,
            Consumer<?, ?> consumer,
            MessageListenerContainer container,
            Runnable invokeListener) {
        super.handleBatch(classified(thrownException), data, consumer, container, invokeListener);
    }

    @Override
    public <K, V> ConsumerRecords<K, V> handleBatchAndReturnRemaining(
            Exception thrownException,
            ConsumerRecords<?, ?> data,
            Consumer<?, ?> consumer,
            MessageListenerContainer container,
            Runnable invokeListener) {
        return super.handleBatchAndReturnRemaining(
                classified(thrownException), data, consumer, container, invokeListener);
    }

    /** The failure as {@link FailedForGood} when this handler's classification does not retry it. */
    private Exception classified(Exception thrown) {
        @Nullable BatchListenerFailedException batch = batchFailure(thrown);
        @Nullable ConsumerRecord<?, ?> record = batch == null ? null : batch.getRecord();
        if (batch == null
                || record == null
                || batch instanceof FailedForGood
                || getExceptionMatcher().match(batch)) {
            return thrown;
        }
        return new FailedForGood(batch, record);
    }

    private static @Nullable BatchListenerFailedException batchFailure(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof BatchListenerFailedException batch) {
                return batch;
            }
        }
        return null;
    }

    /** A batch listener's record that failed with an exception that is not retried. */
    static final class FailedForGood extends BatchListenerFailedException {

        private static final long serialVersionUID = 1L;

        FailedForGood(BatchListenerFailedException failure, ConsumerRecord<?, ?> record) {
            super(String.valueOf(failure.getMessage()), failure.getCause(), record);
        }
    }
}
