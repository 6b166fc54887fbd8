package org.suggestionbox.platform.kafka;

import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.kafka.listener.BatchInterceptor;

/**
 * Lets a busy batch listener take its records a few at a time instead of one at a time, as a producer's
 * {@code linger.ms} does for sends: after a poll of fewer than {@code smallPoll} records, while the listener's
 * container handled at least {@code busyRate} records in the last whole second, its consumer thread waits before it
 * polls again, and the records that arrived meanwhile come in the next poll together. The wait lasts as long as
 * {@code gather} records take to come at the last second's rate, and at most {@code linger}: 50 ms at 50 records a
 * second, 30 ms at 100, 15 ms at 200, with the defaults.
 * <p>
 * Every poll costs the same whatever it holds — a fetch, a bulk write per collection, the proofs' round trip — so
 * at 50 ideas a second, with a record per poll, those costs were most of a service's CPU per idea (issue #13). A
 * quiet listener never waits: below {@code busyRate} each record is handled as soon as it arrives, and so is a poll
 * that is already large, as in a backlog or a replay. The price, while busy, is up to about twice the wait per
 * idea and listener: the consumer sends its next fetch before it hands a poll over, the broker answers it as soon as
 * one record arrives, and that record sits out the wait in the consumer while the ones after it wait at the broker
 * for the fetch after (measured in {@code benchmarks/results/2026-12-05-busy-linger.md}; seeking to the same
 * position does not drop such an answer). A fixed 50 ms thus put p99 submit → delivered at 537 ms at 100 ideas a
 * second, 25 ms at 329 ms but cost 39 % more of the store's commands per idea at 50 a second
 * ({@code benchmarks/results/2026-12-06-linger-by-rate.md}); a wait that shortens as the rate rises gathers about the
 * records a poll holds at 50 a second, and its price falls with the rate (p99 431–477 ms at 100 a second).
 * <p>
 * One per listener container, shared by its consumer threads, which count their records under its lock.
 */
final class BusyListenerLinger implements BatchInterceptor<Object, Object> {

    /** Waits; a stop of the container may cut it short. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration time) throws InterruptedException;
    }

    private final Duration linger;
    private final int busyRate;
    private final int smallPoll;
    private final int gather;
    private final Clock clock;
    private final Pause pause;

    private long second;
    private int thisSecond;
    private int lastSecond;

    BusyListenerLinger(KafkaEventsProperties.Linger settings, Clock clock, Pause pause) {
        this.linger = settings.time();
        this.busyRate = settings.busyRate();
        this.smallPoll = settings.smallPoll();
        this.gather = settings.gather();
        this.clock = clock;
        this.pause = pause;
    }

    @Override
    public ConsumerRecords<Object, Object> intercept(
            ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
        return records;
    }

    @Override
    public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
        int handled = records.count();
        int rate = handledInTheLastSecond(handled);
        if (rate >= busyRate && handled < smallPoll && linger.isPositive()) {
            try {
                pause.pause(waitAt(rate));
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How long {@link #gather} records take to come at {@code rate} a second, at most {@link #linger}. */
    Duration waitAt(int rate) {
        if (rate <= 0) {
            return linger;
        }
        Duration gathering = Duration.ofNanos(gather * 1_000_000_000L / rate);
        return gathering.compareTo(linger) < 0 ? gathering : linger;
    }

    /**
     * Counts a poll's records in the current whole second.
     *
     * @return the records handled in the whole second before the current one
     */
    synchronized int handledInTheLastSecond(int records) {
        long now = clock.millis() / 1000;
        if (now != second) {
            lastSecond = now == second + 1 ? thisSecond : 0;
            second = now;
            thisSecond = 0;
        }
        thisSecond += records;
        return lastSecond;
    }
}
