package org.suggestionbox.localstack;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping a child process: a polite SIGTERM first, then force. */
final class ChildProcesses {

    private ChildProcesses() {}

    static void stop(Process process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
