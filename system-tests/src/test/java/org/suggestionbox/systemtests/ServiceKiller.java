package org.suggestionbox.systemtests;

import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import org.suggestionbox.localstack.LocalStack;

/**
 * Kills one service with SIGKILL {@code kills} times at random moments (0.5 to 5 s apart, from a seeded
 * {@link Random}), restarting it and waiting until it is healthy after each kill. It notes how many ideas
 * were in flight (accepted by intake, not yet decided) at each kill.
 */
final class ServiceKiller implements Fault {

    private final LocalStack stack;

    private final String service;

    private final int kills;

    private final Random random;

    private final IntSupplier inFlight;

    private final FaultLog log = new FaultLog();

    ServiceKiller(LocalStack stack, String service, int kills, long seed, IntSupplier inFlight) {
        this.stack = stack;
        this.service = service;
        this.kills = kills;
        this.random = new Random(seed);
        this.inFlight = inFlight;
    }

    @Override
    public void run() {
        for (int kill = 1; kill <= this.kills; kill++) {
            long delayMillis = 500 + this.random.nextInt(4_500);
            // the random moment of the crash, not a wait for a condition
            LockSupport.parkNanos(delayMillis * 1_000_000);
            int ideasInFlight = this.inFlight.getAsInt();
            long killed = System.nanoTime();
            this.stack.kill(this.service);
            long restarting = System.nanoTime();
            this.stack.restart(this.service);
            String timing = "kill %d after %d ms with %d ideas in flight, dead after %d ms, healthy again after %d ms"
                    .formatted(
                            kill,
                            delayMillis,
                            ideasInFlight,
                            FaultLog.millis(killed, restarting),
                            FaultLog.millis(killed, System.nanoTime()));
            this.log.note(this.service + " " + timing);
        }
    }

    @Override
    public List<String> timings() {
        return this.log.lines();
    }
}
