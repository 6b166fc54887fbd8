package org.suggestionbox.systemtests;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StandInThreadsTests {

    @Test
    void aWaitIsNotFailedByAnotherThreadsException() {
        AtomicReference<Thread> standIn = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Thread thread = standIn.updateAndGet(started -> started != null ? started : droppedConnection());
            return thread.getState() == Thread.State.TERMINATED;
        });
    }

    private static Thread droppedConnection() {
        Thread thread = new Thread(
                () -> {
                    throw new IllegalStateException("Unexpected error handling connection");
                },
                "smtp-handler");
        thread.start();
        return thread;
    }
}
