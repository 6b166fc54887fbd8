package org.suggestionbox.router.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
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
 * the broker's acknowledgement, then removes exactly the acknowledged ones from the document. A crash
 * between the two steps publishes an event twice (consumers de-duplicate by event id); no path
 * loses one.
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

    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("outbox-relay").daemon(true).factory());

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
        List<IdeaLifecycleEvent> events = idea.outbox();
        if (events.isEmpty()) {
            return;
        }
        try {
            executor.execute(() -> relayQuietly(idea.id(), events));
        } catch (RejectedExecutionException ex) {
            LOG.debug("Relay of idea {} left to the sweep: {}", idea.id(), ex.getMessage());
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(properties.outbox().publishTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
            executor.shutdownNow();
        }
    }

    private void relayQuietly(IdeaId ideaId, List<IdeaLifecycleEvent> events) {
        try {
            relay(ideaId, events);
        } catch (RuntimeException ex) {
            LOG.warn("Relay of idea {} failed, the sweep will retry: {}", ideaId, ex.getMessage());
        }
    }

    /**
     * Publishes {@code events} in order and clears those acknowledged; returns how many left the
     * outbox. An event that can never be published (too large, not serializable) is recorded as a
     * dead letter and leaves the outbox too, so it cannot block the idea's later events or the
     * sweep; any other failure stops here and the sweep retries, however long the broker is away.
     */
    int relay(IdeaId ideaId, List<IdeaLifecycleEvent> events) {
        List<UUID> done = new ArrayList<>();
        for (IdeaLifecycleEvent event : events) {
            try {
                publisher.publish(event, properties.outbox().publishTimeout());
                done.add(event.eventId());
            } catch (LifecyclePublisher.PublishFailedException ex) {
                DeadLetterReason permanent = ex.permanent();
                if (permanent == null) {
                    LOG.warn("Outbox of idea {}: {}; the sweep will retry", ideaId, ex.getMessage());
                    break;
                }
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
                done.add(event.eventId());
            }
        }
        if (!done.isEmpty()) {
            store.removeFromOutbox(ideaId, done);
        }
        return done.size();
    }
}
