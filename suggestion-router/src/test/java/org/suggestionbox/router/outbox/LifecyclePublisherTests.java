package org.suggestionbox.router.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.KafkaException;

class LifecyclePublisherTests {

    @Test
    void aRecordTooLargeForKafkaCanNeverBePublished() {
        Throwable failure =
                new ExecutionException(new KafkaException("Send failed", new RecordTooLargeException("big")));

        assertThat(LifecyclePublisher.permanentReason(failure)).isEqualTo(DeadLetterReason.TOO_LARGE);
    }

    @Test
    void anEventThatCannotBeSerializedCanNeverBePublished() {
        Throwable failure = new KafkaException("Send failed", new SerializationException("cannot write"));

        assertThat(LifecyclePublisher.permanentReason(failure)).isEqualTo(DeadLetterReason.NOT_SERIALIZABLE);
    }

    @Test
    void aBrokerOutageIsRetriedForever() {
        assertThat(LifecyclePublisher.permanentReason(
                        new ExecutionException(new KafkaException("Send failed", new TimeoutException("no broker")))))
                .isNull();
        assertThat(LifecyclePublisher.permanentReason(new java.util.concurrent.TimeoutException()))
                .isNull();
        assertThat(LifecyclePublisher.permanentReason(new NotLeaderOrFollowerException("election")))
                .isNull();
        assertThat(LifecyclePublisher.permanentReason(new IllegalStateException("unknown")))
                .isNull();
    }
}
