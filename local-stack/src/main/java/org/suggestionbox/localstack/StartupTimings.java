package org.suggestionbox.localstack;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long each part of a local stack took to start, in the order they started. Written by restarts on
 * fault-injection threads too, so every access is synchronized.
 */
final class StartupTimings {

    private final Map<String, Duration> timings = new LinkedHashMap<>();

    synchronized void record(String name, long startedNanos) {
        this.timings.put(name, Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    /** Runs a step and records how long it took under the name. */
    void time(String name, Runnable step) {
        long started = System.nanoTime();
        step.run();
        record(name, started);
    }

    synchronized Map<String, Duration> snapshot() {
        return Map.copyOf(this.timings);
    }
}
