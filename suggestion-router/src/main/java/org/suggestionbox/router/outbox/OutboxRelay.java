package org.suggestionbox.router.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.IdeaLifecycleEvent;
import org.suggestionbox.router.config.RouterProperties;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.idea.IdeaId;
import org.suggestionbox.router.storage.IdeaStore;

/**
 * Moves the lifecycle events stored in an idea's outbox to Kafka: publishes them in order, waits for
 * the broker's acknowledgement, then removes exactly the acknowledged ones from the document — after an
 * immediate relay together with the other relays' removals of the next {@code removal-delay}
 * ({@link OutboxRemovals}). A crash between the two steps publishes an event twice (consumers de-duplicate by
 * event id); no path loses one.
 */
@Component
public class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    /** Counter of events recorded as dead letters, tagged with the {@link DeadLetterReason}. */
    static final String DEAD_LETTERS = "router.outbox.dead.letters";

    private final LifecyclePublisher publisher;
    private final IdeaStore store;
    private final RouterProperties properties;
    private final OutboxDeadLetters deadLetters;
    private final MeterRegistry registry;
    private final Clock clock;

    /** Ideas whose events wait in {@link #executor} for their immediate relay: the sweep leaves them to it. */
    private final Set<IdeaId> queued = ConcurrentHashMap.newKeySet();

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("outbox-relay").daemon(true).factory());

    private final OutboxRemovals removals;

    OutboxRelay(
            LifecyclePublisher publisher,
            IdeaStore store,
            RouterProperties properties,
            OutboxDeadLetters deadLetters,
            MeterRegistry registry,
            Clock clock) {
        this.publisher = publisher;
        this.store = store;
        this.properties = properties;
        this.deadLetters = deadLetters;
        this.registry = registry;
        this.clock = clock;
        this.removals = new OutboxRemovals(
                executor,
                properties.outbox().removalDelay(),
                properties.outbox().sweepBatch(),
                store::removeFromOutbox,
                queued::removeAll);
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            Counter.builder(DEAD_LETTERS)
                    .tag("reason", reason.name())
                    .description("Lifecycle events that can never be published and left the outbox as dead letters")
                    .register(registry);
        }
    }

    /**
     * Relays the idea's pending events right after it was saved, in the background. Failures (and a
     * shutdown before it ran) are left to the sweep.
     */
    public void relay(Idea idea) {
        relayAll(List.of(idea));
    }

    /**
     * Relays the pending events of several ideas saved together, in the background, as one batch: every
     * event is handed to the producer first, then the acknowledgements are awaited together and the
     * outboxes cleared in one bulk write with those of the relays that follow within the removal delay. An event
     * the broker acknowledged already (its removal still to be written, or written after the idea was read) is
     * removed, not sent again. Failures (and a shutdown before it ran) are left to the sweep.
     */
    public void relayAll(List<Idea> ideas) {
        Map<IdeaId, List<IdeaLifecycleEvent>> pending = new LinkedHashMap<>();
        Map<IdeaId, List<UUID>> relayedBefore = new LinkedHashMap<>();
        for (Idea idea : ideas) {
            for (IdeaLifecycleEvent event : idea.outbox()) {
                if (removals.isAcknowledged(event.eventId())) {
                    relayedBefore
                            .computeIfAbsent(idea.id(), id -> new ArrayList<>())
                            .add(event.eventId());
                } else {
                    pending.computeIfAbsent(idea.id(), id -> new ArrayList<>()).add(event);
                }
            }
        }
        if (pending.isEmpty() && relayedBefore.isEmpty()) {
            return;
        }
        Set<IdeaId> ideaIds = new HashSet<>(pending.keySet());
        ideaIds.addAll(relayedBefore.keySet());
        queued.addAll(ideaIds);
        try {
            executor.execute(() -> relayQuietly(pending, relayedBefore));
        } catch (RejectedExecutionException ex) {
            queued.removeAll(ideaIds);
            LOG.debug("Relay of {} ideas left to the sweep: {}", pending.size(), ex.getMessage());
        }
    }

    /**
     * Whether the idea's events are queued for their immediate relay (behind a burst, that can take longer
     * than the sweep's grace period) or for their removal after it; the sweep skips such ideas instead of
     * publishing their events twice.
     */
    boolean isQueued(IdeaId ideaId) {
        return queued.contains(ideaId);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(properties.outbox().publishTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
            executor.shutdownNow();
        }
    }

    /** An immediate relay: the removals wait for others', and an idea leaves {@link #queued} once its is written. */
    private void relayQuietly(Map<IdeaId, List<IdeaLifecycleEvent>> pending, Map<IdeaId, List<UUID>> relayedBefore) {
        Map<IdeaId, List<UUID>> done = new LinkedHashMap<>(relayedBefore);
        try {
            publish(pending).forEach((ideaId, eventIds) -> done.merge(ideaId, eventIds, OutboxRelay::concat));
        } catch (RuntimeException ex) {
            LOG.warn("Relay of {} ideas failed, the sweep will retry: {}", pending.size(), ex.getMessage());
        } finally {
            Set<IdeaId> nothingToRemove = new HashSet<>(pending.keySet());
            nothingToRemove.removeAll(done.keySet());
            queued.removeAll(nothingToRemove);
            removals.add(done);
        }
    }

    private static List<UUID> concat(List<UUID> first, List<UUID> then) {
        List<UUID> both = new ArrayList<>(first);
        both.addAll(then);
        return both;
    }

    /** {@link #relay(Map)} for one idea. */
    int relay(IdeaId ideaId, List<IdeaLifecycleEvent> events) {
        return relay(Map.of(ideaId, events));
    }

    /**
     * Publishes each idea's {@code events} and clears those acknowledged; returns how many left the
     * outboxes. All events are sent before any acknowledgement is awaited, so a batch costs one wait, not
     * one per event; the producer keeps the order per idea (one key, one partition, idempotent). An idea's
     * events leave its outbox up to its first one that failed. An event that can never be published (too
     * large, not serializable) is recorded as a dead letter and leaves the outbox too, so it cannot block
     * the idea's later events or the sweep; any other failure stops that idea there and the sweep
     * retries, however long the broker is away (a later event sent meanwhile may go out twice; consumers
     * de-duplicate by event id). An event the broker acknowledged within the last minute (written back by a save
     * based on an earlier read, or left by a removal that failed) leaves the outbox without being sent again.
     */
    int relay(Map<IdeaId, List<IdeaLifecycleEvent>> pending) {
        Map<IdeaId, List<IdeaLifecycleEvent>> unsent = new LinkedHashMap<>();
        Map<IdeaId, List<UUID>> done = new LinkedHashMap<>();
        pending.forEach((ideaId, events) -> events.forEach(event -> {
            if (removals.isAcknowledged(event.eventId())) {
                done.computeIfAbsent(ideaId, id -> new ArrayList<>()).add(event.eventId());
            } else {
                unsent.computeIfAbsent(ideaId, id -> new ArrayList<>()).add(event);
            }
        }));
        publish(unsent).forEach((ideaId, eventIds) -> done.merge(ideaId, eventIds, OutboxRelay::concat));
        store.removeFromOutbox(done);
        return done.values().stream().mapToInt(List::size).sum();
    }

    /** Publishes each idea's {@code events}; returns, per idea, those that may leave its outbox. */
    private Map<IdeaId, List<UUID>> publish(Map<IdeaId, List<IdeaLifecycleEvent>> pending) {
        Map<IdeaId, List<CompletableFuture<?>>> sent = new LinkedHashMap<>();
        pending.forEach((ideaId, events) -> sent.put(
                ideaId,
                events.stream().<CompletableFuture<?>>map(publisher::send).toList()));
        long deadline = System.nanoTime() + properties.outbox().publishTimeout().toNanos();
        Map<IdeaId, List<UUID>> done = new LinkedHashMap<>();
        for (Map.Entry<IdeaId, List<IdeaLifecycleEvent>> entry : pending.entrySet()) {
            IdeaId ideaId = entry.getKey();
            List<IdeaLifecycleEvent> events = entry.getValue();
            List<CompletableFuture<?>> futures = sent.getOrDefault(ideaId, List.of());
            List<UUID> acknowledged = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                IdeaLifecycleEvent event = events.get(i);
                try {
                    LifecyclePublisher.await(event, futures.get(i), deadline);
                    acknowledged.add(event.eventId());
                } catch (LifecyclePublisher.PublishFailedException ex) {
                    DeadLetterReason permanent = ex.permanent();
                    if (permanent == null) {
                        LOG.warn("Outbox of idea {}: {}; the sweep will retry", ideaId, ex.getMessage());
                        break;
                    }
                    deadLetter(ideaId, event, permanent, ex);
                    acknowledged.add(event.eventId());
                }
            }
            if (!acknowledged.isEmpty()) {
                done.put(ideaId, acknowledged);
            }
        }
        return done;
    }

    private void deadLetter(
            IdeaId ideaId,
            IdeaLifecycleEvent event,
            DeadLetterReason permanent,
            LifecyclePublisher.PublishFailedException ex) {
        String type = event.getClass().getSimpleName();
        LOG.error(
                "Outbox of idea {}: {} {} can never be published ({}), recorded as a dead letter: {}",
                ideaId,
                type,
                event.eventId(),
                permanent,
                ex.getMessage());
        deadLetters.record(
                event.eventId(),
                ideaId.value(),
                type,
                permanent,
                NestedExceptionUtils.getMostSpecificCause(ex).toString(),
                clock.instant());
        registry.counter(DEAD_LETTERS, "reason", permanent.name()).increment();
    }
}
