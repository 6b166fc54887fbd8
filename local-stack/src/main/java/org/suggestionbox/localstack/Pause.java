package org.suggestionbox.localstack;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** A short pause between polls of something that is starting up. */
final class Pause {

    private Pause() {}

    static void pause(Duration duration) {
        LockSupport.parkNanos(duration.toNanos());
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted");
        }
    }
}
