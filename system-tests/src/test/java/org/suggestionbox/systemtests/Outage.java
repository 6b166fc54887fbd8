package org.suggestionbox.systemtests;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Takes a piece of infrastructure away for a while in the middle of a run: waits {@code after}, stops it,
 * keeps it stopped for {@code length}, starts it again (on the same port, with the same data).
 */
final class Outage implements Fault {

    private final String what;

    private final Runnable stop;

    private final Runnable start;

    private final Duration after;

    private final Duration length;

    private final FaultLog log = new FaultLog();

    Outage(String what, Runnable stop, Runnable start, Duration after, Duration length) {
        this.what = what;
        this.stop = stop;
        this.start = start;
        this.after = after;
        this.length = length;
    }

    @Override
    public void run() {
        // the moment the outage begins, not a wait for a condition
        LockSupport.parkNanos(this.after.toNanos());
        long stopping = System.nanoTime();
        this.stop.run();
        long stopped = System.nanoTime();
        System.out.printf("[fault-injection] %s stopped (took %d ms)%n", this.what, FaultLog.millis(stopping, stopped));
        // the outage itself: the infrastructure stays away this long
        LockSupport.parkNanos(this.length.toNanos());
        long starting = System.nanoTime();
        this.start.run();
        long started = System.nanoTime();
        String timing = "%s stopped after %d ms (stopping took %d ms), away %d ms, starting again took %d ms"
                .formatted(
                        this.what,
                        this.after.toMillis(),
                        FaultLog.millis(stopping, stopped),
                        FaultLog.millis(stopped, starting),
                        FaultLog.millis(starting, started));
        this.log.note(timing);
    }

    @Override
    public List<String> timings() {
        return this.log.lines();
    }
}
