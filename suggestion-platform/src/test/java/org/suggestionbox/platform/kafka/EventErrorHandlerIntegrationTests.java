package org.suggestionbox.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.MongoTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.IdeaLifecycleEvent;
import org.suggestionbox.events.Topics;
import org.suggestionbox.testing.KafkaProbe;
import org.suggestionbox.testing.SuggestionBoxInfrastructure;

/**
 * The shared error handler on a real broker: a record that fails because the database or the broker is
 * away is retried past {@code suggestionbox.kafka.retries} until it succeeds and is never dead-lettered;
 * a record that fails for itself goes to its dead-letter topic after the retries.
 */
@SpringBootTest(
        classes = EventErrorHandlerIntegrationTests.FailingListener.class,
        properties = {
            "spring.application.name=error-handler-tests",
            "suggestionbox.kafka.retries=2",
            "suggestionbox.kafka.initial-back-off=20ms",
            "suggestionbox.kafka.max-back-off=100ms",
            "spring.kafka.consumer.auto-offset-reset=earliest"
        })
@ImportAutoConfiguration({KafkaAutoConfiguration.class, KafkaEventsAutoConfiguration.class})
@SuggestionBoxInfrastructure
class EventErrorHandlerIntegrationTests {

    /** Twice the three attempts {@code retries=2} gives a record that fails for itself. */
    private static final int OUTAGE_ATTEMPTS = 6;

    private static final String DLT = Topics.deadLetterOf(Topics.IDEAS_LIFECYCLE);

    @Autowired
    EventPublisher publisher;

    @Autowired
    FailingListener listener;

    @Test
    void aRecordWaitsOutADatabaseOutageLongerThanItsRetries() {
        assertWaitsOutAnOutage(attempt -> new DataAccessResourceFailureException(
                "Timed out while waiting for a server",
                new MongoTimeoutException("Timed out while waiting for a server")));
    }

    @Test
    void aRecordWaitsOutTheDriversOwnUnavailableExceptionUntranslated() {
        assertWaitsOutAnOutage(attempt -> new MongoTimeoutException("Timed out while waiting for a server"));
    }

    @Test
    void aRecordWaitsOutABrokerThatDoesNotAcknowledge() {
        assertWaitsOutAnOutage(attempt ->
                new KafkaException("Send failed", new TimeoutException("Expiring 1 record(s) after 10000 ms")));
    }

    @Test
    void aRecordThatFailsForItselfIsDeadLetteredAfterItsRetries() {
        // given
        UUID ideaId = UUID.randomUUID();
        listener.failWith(ideaId, Integer.MAX_VALUE, attempt -> new IllegalStateException("attempt " + attempt));

        // when
        publisher.publish(Topics.IDEAS_LIFECYCLE, Reminders.forIdea(ideaId));

        // then
        assertThat(deadLetterCause(ideaId)).isEqualTo(IllegalStateException.class.getName());
        assertThat(listener.attempts(ideaId)).as("one attempt and two retries").isEqualTo(3);
        assertThat(listener.handled(ideaId)).isZero();
    }

    /**
     * A batch listener's record that fails retryably and then for good is dead-lettered at once: spring-kafka alone
     * kept its back-off, as both failures reached it as the same {@link BatchListenerFailedException}, and retried
     * it to the end of its retries (three attempts here).
     */
    @Test
    void aBatchRecordThatFailsForGoodAfterARetryableFailureIsDeadLetteredAtOnce() {
        // given
        UUID ideaId = UUID.randomUUID();
        listener.failInBatch(
                ideaId,
                attempt -> attempt == 1
                        ? new IllegalStateException("attempt 1")
                        : new NonRetryableEventException("attempt " + attempt));

        // when
        publisher.publish(Topics.IDEAS_LIFECYCLE, Reminders.forIdea(ideaId));

        // then
        assertThat(deadLetterCause(ideaId)).isEqualTo(NonRetryableEventException.class.getName());
        assertThat(listener.batchAttempts(ideaId))
                .as("a retryable attempt, then one for good")
                .isEqualTo(2);
    }

    /** The class of the cause the idea's dead letter names, once it is there. */
    private static @Nullable String deadLetterCause(UUID ideaId) {
        ConsumerRecord<String, byte[]> dead = KafkaProbe.awaitRecords(
                        DLT,
                        1,
                        Duration.ofSeconds(30),
                        record -> ideaId.toString().equals(record.key()))
                .getFirst();
        return KafkaProbe.header(dead, "kafka_dlt-exception-cause-fqcn");
    }

    private void assertWaitsOutAnOutage(Function<Integer, RuntimeException> outage) {
        // given
        UUID ideaId = UUID.randomUUID();
        listener.failWith(ideaId, OUTAGE_ATTEMPTS, outage);

        // when
        publisher.publish(Topics.IDEAS_LIFECYCLE, Reminders.forIdea(ideaId));

        // then
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(listener.handled(ideaId)).isOne());
        assertThat(listener.attempts(ideaId)).isEqualTo(OUTAGE_ATTEMPTS + 1);
        // a dead letter would have been sent and acknowledged before the listener was called again
        assertThat(KafkaProbe.recordsBeforeSentinel(
                        DLT, record -> ideaId.toString().equals(record.key())))
                .as("dead letters of %s", ideaId)
                .isEmpty();
    }

    /** Fails each idea's record a given number of times, then handles it. */
    @Component
    static class FailingListener {

        private final Map<UUID, Failing> failing = new ConcurrentHashMap<>();

        void failWith(UUID ideaId, int failures, Function<Integer, RuntimeException> failure) {
            failing.put(ideaId, new Failing(failures, failure, new AtomicInteger(), new AtomicInteger()));
        }

        int attempts(UUID ideaId) {
            return failing.get(ideaId).attempts().get();
        }

        int handled(UUID ideaId) {
            return failing.get(ideaId).handled().get();
        }

        private final Map<UUID, Failing> failingInBatch = new ConcurrentHashMap<>();

        /** Fails the idea's record in the batch listener on every attempt, with what {@code failure} gives. */
        void failInBatch(UUID ideaId, Function<Integer, RuntimeException> failure) {
            failingInBatch.put(
                    ideaId, new Failing(Integer.MAX_VALUE, failure, new AtomicInteger(), new AtomicInteger()));
        }

        int batchAttempts(UUID ideaId) {
            return failingInBatch.get(ideaId).attempts().get();
        }

        @KafkaListener(id = "error-handler-batch-tests", topics = Topics.IDEAS_LIFECYCLE, batch = "true")
        void onBatch(List<ConsumerRecord<String, IdeaLifecycleEvent>> records) {
            for (ConsumerRecord<String, IdeaLifecycleEvent> record : records) {
                Failing failing = failingInBatch.get(record.value().ideaId());
                if (failing != null) {
                    RuntimeException failure =
                            failing.failure().apply(failing.attempts().incrementAndGet());
                    throw new BatchListenerFailedException(String.valueOf(failure.getMessage()), failure, record);
                }
            }
        }

        @KafkaListener(id = "error-handler-tests", topics = Topics.IDEAS_LIFECYCLE)
        void on(IdeaLifecycleEvent event) {
            Failing record = failing.get(event.ideaId());
            if (record == null) {
                return;
            }
            int attempt = record.attempts().incrementAndGet();
            if (attempt <= record.failures()) {
                throw record.failure().apply(attempt);
            }
            record.handled().incrementAndGet();
        }

        private record Failing(
                int failures,
                Function<Integer, RuntimeException> failure,
                AtomicInteger attempts,
                AtomicInteger handled) {}
    }
}
