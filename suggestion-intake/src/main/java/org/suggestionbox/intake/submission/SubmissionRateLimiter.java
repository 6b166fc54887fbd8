package org.suggestionbox.intake.submission;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} submissions per person in a fixed window; per instance and in memory, which
 * is enough to stop a runaway script or a stuck retry loop.
 */
final class SubmissionRateLimiter {

    private record Window(long index, int used) {
    }

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    SubmissionRateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** @return zero when the person may submit now (and counts it), else how long to wait */
    Duration tryAcquire(String personId) {
        long now = clock.millis();
        long index = now / windowMillis;
        Window window = windows.compute(personId, (id, current) -> {
            if (current == null || current.index() != index) {
                return new Window(index, 1);
            }
            return new Window(index, current.used() + 1);
        });
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> w.index() < index);
        }
        if (window.used() <= limit) {
            return Duration.ZERO;
        }
        return Duration.ofMillis((index + 1) * windowMillis - now);
    }
}
