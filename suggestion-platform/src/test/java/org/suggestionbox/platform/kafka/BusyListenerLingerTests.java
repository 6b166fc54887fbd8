package org.suggestionbox.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.suggestionbox.testing.MutableClock;

class BusyListenerLingerTests {

    private static final Duration LINGER = Duration.ofMillis(100);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T12:00:00Z"));
    private final List<Duration> pauses = new ArrayList<>();
    private final BusyListenerLinger linger =
            new BusyListenerLinger(new KafkaEventsProperties.Linger(LINGER, 40, 10, 3), clock, pauses::add);
    private final MockConsumer<Object, Object> consumer = new MockConsumer<>("earliest");

    @Test
    void aQuietListenerTakesEachRecordAsItComes() {
        // 39 records in a second, one per poll
        handleOnePerPoll(39, Duration.ofSeconds(1));

        // the next second's polls of one
        handleOnePerPoll(39, Duration.ofSeconds(1));

        assertThat(pauses).isEmpty();
    }

    @Test
    void aBusyListenerLingersAfterEachSmallPollOfTheNextSecond() {
        // 40 records in a whole second: busy
        handleOnePerPoll(40, Duration.ofSeconds(1));
        assertThat(pauses).as("busy is known from a whole second").isEmpty();

        linger.success(records(1), consumer);
        linger.success(records(9), consumer);

        // as long as three records take to come at 40 a second, within the 100 ms
        assertThat(pauses).containsExactly(Duration.ofMillis(75), Duration.ofMillis(75));
    }

    @Test
    void aBusierListenerWaitsLessForTheSameRecords() {
        // 100 records in a whole second
        handleOnePerPoll(100, Duration.ofSeconds(1));

        linger.success(records(1), consumer);

        assertThat(pauses).containsExactly(Duration.ofMillis(30));
        assertThat(linger.waitAt(200)).isEqualTo(Duration.ofMillis(15));
    }

    @Test
    void theWaitIsNeverLongerThanTheLingerTime() {
        BusyListenerLinger gatheringMore =
                new BusyListenerLinger(new KafkaEventsProperties.Linger(LINGER, 40, 10, 30), clock, pauses::add);
        for (int i = 0; i < 50; i++) {
            gatheringMore.success(records(1), consumer);
        }
        clock.advance(Duration.ofSeconds(1));

        gatheringMore.success(records(1), consumer);

        // 30 records at 50 a second would take 600 ms
        assertThat(pauses).containsExactly(LINGER);
        // a listener busy from no records a second (busy-rate 0) that had none in the last one
        assertThat(gatheringMore.waitAt(0)).isEqualTo(LINGER);
    }

    @Test
    void aLargePollIsFollowedByTheNextAtOnce() {
        handleOnePerPoll(40, Duration.ofSeconds(1));

        linger.success(records(10), consumer);
        linger.success(records(500), consumer);

        assertThat(pauses).isEmpty();
    }

    @Test
    void aFailedPollIsNotFollowedByAWait() {
        handleOnePerPoll(40, Duration.ofSeconds(1));

        linger.failure(records(1), new IllegalStateException("failed"), consumer);

        assertThat(pauses).isEmpty();
    }

    @Test
    void aQuietSecondEndsTheLingering() {
        handleOnePerPoll(40, Duration.ofSeconds(1));
        linger.success(records(1), consumer);
        assertThat(pauses).hasSize(1);

        // a second without a record, then one
        clock.advance(Duration.ofSeconds(2));
        linger.success(records(1), consumer);

        assertThat(pauses).hasSize(1);
    }

    @Test
    void noLingerTimeNeverWaits() {
        BusyListenerLinger never =
                new BusyListenerLinger(new KafkaEventsProperties.Linger(Duration.ZERO, 40, 10, 3), clock, pauses::add);
        for (int i = 0; i < 100; i++) {
            never.success(records(1), consumer);
            clock.advance(Duration.ofMillis(10));
        }

        assertThat(pauses).isEmpty();
    }

    /** Polls of one record each, spread evenly over {@code within}, then the clock at the next whole second. */
    private void handleOnePerPoll(int polls, Duration within) {
        Instant end = clock.instant().plus(within);
        for (int i = 0; i < polls; i++) {
            linger.success(records(1), consumer);
            clock.advance(within.dividedBy(polls + 1));
        }
        clock.advance(Duration.between(clock.instant(), end));
    }

    private static ConsumerRecords<Object, Object> records(int count) {
        TopicPartition partition = new TopicPartition("ideas.lifecycle.v1", 0);
        List<ConsumerRecord<Object, Object>> records = new ArrayList<>(count);
        for (int offset = 0; offset < count; offset++) {
            records.add(new ConsumerRecord<>(partition.topic(), 0, offset, "key", "value"));
        }
        return new ConsumerRecords<>(Map.of(partition, records), Map.of());
    }
}
