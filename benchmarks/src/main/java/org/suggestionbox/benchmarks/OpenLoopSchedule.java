package org.suggestionbox.benchmarks;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Constant-rate, open-loop send times: send {@code i} is due at {@code start + i / rate}, whatever
 * happened to earlier sends. A sender that falls behind sends at once, and its latency still counts
 * from the intended time, so a stalled system cannot hide its stall (no coordinated omission).
 */
final class OpenLoopSchedule {

    /** What to do for one send. */
    @FunctionalInterface
    interface Send {

        void send(long index, long intendedNanos);
    }

    private final long startNanos;

    private final double ratePerSecond;

    OpenLoopSchedule(long startNanos, double ratePerSecond) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("Rate must be positive");
        }
        this.startNanos = startNanos;
        this.ratePerSecond = ratePerSecond;
    }

    long intendedNanos(long index) {
        return this.startNanos + Math.round(index * 1_000_000_000d / this.ratePerSecond);
    }

    /** How many sends fall into {@code duration} from the start. */
    long count(Duration duration) {
        return (long) Math.floor(duration.toNanos() * this.ratePerSecond / 1_000_000_000d);
    }

    /** The index of the first send due at or after {@code offset} from the start. */
    long firstIndexAt(Duration offset) {
        return (long) Math.ceil(offset.toNanos() * this.ratePerSecond / 1_000_000_000d);
    }

    /** Runs sends {@code 0 .. count-1} on the calling thread, each at (or, when behind, right after) its time. */
    void run(long count, Send send) {
        for (long index = 0; index < count; index++) {
            long intended = intendedNanos(index);
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
            send.send(index, intended);
        }
    }
}
