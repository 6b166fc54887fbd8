package org.suggestionbox.benchmarks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Samples the resident memory of the stack's processes every half second and keeps each one's highest. */
final class RssSampler implements AutoCloseable {

    private final Map<String, Long> max = new ConcurrentHashMap<>();

    private final Supplier<Map<String, Long>> megabytes;

    private final Thread thread;

    private volatile boolean running = true;

    /** Starts sampling at once; {@code megabytes} answers the resident memory in MB by process name. */
    RssSampler(Supplier<Map<String, Long>> megabytes) {
        this.megabytes = megabytes;
        this.thread = Thread.ofPlatform().name("rss-sampler").daemon().start(this::sample);
    }

    private void sample() {
        while (this.running) {
            this.megabytes.get().forEach((name, mb) -> this.max.merge(name, mb, Math::max));
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
    }

    /** The highest resident memory seen per process so far. */
    Map<String, Long> max() {
        return Map.copyOf(this.max);
    }

    @Override
    public void close() {
        this.running = false;
        LockSupport.unpark(this.thread);
        try {
            this.thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        this.megabytes.get().forEach((name, mb) -> this.max.merge(name, mb, Math::max));
    }
}
