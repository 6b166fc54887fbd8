package org.suggestionbox.router.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.IdeaLifecycleEvent;
import org.suggestionbox.router.config.RouterProperties;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.storage.IdeaStore;

import jakarta.annotation.PreDestroy;

/**
 * Moves the lifecycle events stored in an idea's outbox to Kafka: publishes them in order, waits for
 * the broker's acknowledgement, then removes exactly the acknowledged ones from the document. A crash
 * between the two steps publishes an event twice (consumers de-duplicate by event id); no path
 * loses one.
 */
@Component
public class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final LifecyclePublisher publisher;
    private final IdeaStore store;
    private final RouterProperties properties;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("outbox-relay").daemon(true).factory());

    OutboxRelay(LifecyclePublisher publisher, IdeaStore store, RouterProperties properties) {
        this.publisher = publisher;
        this.store = store;
        this.properties = properties;
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
        }
        catch (RejectedExecutionException ex) {
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

    private void relayQuietly(UUID ideaId, List<IdeaLifecycleEvent> events) {
        try {
            relay(ideaId, events);
        }
        catch (RuntimeException ex) {
            LOG.warn("Relay of idea {} failed, the sweep will retry: {}", ideaId, ex.getMessage());
        }
    }

    /** Publishes {@code events} in order and clears those acknowledged; returns how many were relayed. */
    int relay(UUID ideaId, List<IdeaLifecycleEvent> events) {
        List<UUID> published = new ArrayList<>();
        for (IdeaLifecycleEvent event : events) {
            try {
                publisher.publish(event, properties.outbox().publishTimeout());
                published.add(event.eventId());
            }
            catch (LifecyclePublisher.PublishFailedException ex) {
                LOG.warn("Outbox of idea {}: {}; the sweep will retry", ideaId, ex.getMessage());
                break;
            }
        }
        if (!published.isEmpty()) {
            store.removeFromOutbox(ideaId, published);
        }
        return published.size();
    }
}
