package org.suggestionbox.systemtests;

import java.util.ArrayList;
import java.util.List;

/** What a {@link Fault} did: each line printed as it happens and kept for the scenario's summary. */
final class FaultLog {

    private final List<String> lines = new ArrayList<>();

    void note(String line) {
        System.out.printf("[fault-injection] %s%n", line);
        synchronized (this.lines) {
            this.lines.add(line);
        }
    }

    List<String> lines() {
        synchronized (this.lines) {
            return List.copyOf(this.lines);
        }
    }

    static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }
}
