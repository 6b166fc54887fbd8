package org.suggestionbox.router.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.IdeaLifecycleEvent;
import org.suggestionbox.router.config.RouterProperties;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.idea.IdeaId;
import org.suggestionbox.router.storage.IdeaStore;

/**
 * Crash recovery: relays events left in any idea's outbox — because the broker was down, or the
 * router stopped between saving and relaying. Entries younger than the grace period are left to the
 * immediate relay that follows every save, and not even read. Reads a bounded batch of ideas, the oldest
 * waiting event first, so a backlog drains in order and no idea starves behind newer ones.
 */
@Component
class OutboxSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSweeper.class);

    private final IdeaStore store;
    private final OutboxRelay relay;
    private final RouterProperties properties;
    private final Clock clock;
    private final OutboxDeadLetters deadLetters;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong openDeadLetters = new AtomicLong();
    /** {@link System#nanoTime()} before which the scheduled sweep does nothing (after an empty one). */
    private volatile long quietUntil = System.nanoTime();

    OutboxSweeper(
            IdeaStore store,
            OutboxRelay relay,
            RouterProperties properties,
            Clock clock,
            MeterRegistry registry,
            OutboxDeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        this.store = store;
        this.relay = relay;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("router.outbox.pending", pending, AtomicLong::get)
                .description("Lifecycle events waiting in idea outboxes for longer than the sweep's grace period, "
                        + "not relayed to Kafka (last sweep; expected 0)")
                .register(registry);
        Gauge.builder("router.outbox.dead.letters.open", openDeadLetters, AtomicLong::get)
                .description("Lifecycle events that can never be published and no administrator resolved yet "
                        + "(expected 0; alert above)")
                .register(registry);
    }

    @Scheduled(
            fixedDelayString = "${suggestionbox.router.outbox.sweep-interval:500ms}",
            initialDelayString = "${suggestionbox.router.outbox.sweep-interval:500ms}")
    void sweep() {
        if (System.nanoTime() - quietUntil < 0) {
            return;
        }
        try {
            sweepOnce();
        } catch (RuntimeException ex) {
            LOG.warn("Outbox sweep failed: {}", ex.getMessage());
        }
    }

    int sweepOnce() {
        Instant cutoff = clock.instant().minus(properties.outbox().sweepGrace());
        List<Idea> ideas =
                store.findWithPendingOutbox(cutoff, properties.outbox().sweepBatch());
        long total = 0;
        Map<IdeaId, List<IdeaLifecycleEvent>> due = new LinkedHashMap<>();
        for (Idea idea : ideas) {
            List<IdeaLifecycleEvent> events = idea.outbox().stream()
                    .takeWhile(event -> event.occurredAt().isBefore(cutoff))
                    .toList();
            total += events.size();
            if (!events.isEmpty() && !relay.isQueued(idea.id())) {
                due.put(idea.id(), events);
            }
        }
        int relayed = due.isEmpty() ? 0 : relay.relay(due);
        pending.set(total - relayed);
        // nothing waited past its grace period: look again after the longer pause; an entry stored
        // meanwhile is at most that much later than its grace period, and the immediate relay has it anyway
        quietUntil = total == 0
                ? System.nanoTime() + properties.outbox().idleSweepInterval().toNanos()
                : System.nanoTime();
        openDeadLetters.set(deadLetters.countOpen());
        if (relayed > 0) {
            LOG.info("Outbox sweep relayed {} lifecycle events", relayed);
        }
        return relayed;
    }
}
