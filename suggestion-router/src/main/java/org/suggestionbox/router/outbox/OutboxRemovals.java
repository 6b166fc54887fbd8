package org.suggestionbox.router.outbox;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.suggestionbox.router.idea.IdeaId;

/**
 * The removals of relayed events from their outboxes, gathered for up to {@code delay} and written together: at
 * 50 ideas a second each immediate relay carried one idea, and its removal was one write of its own (issue #13).
 * An event the broker acknowledged stays in its outbox until then, and the sweep leaves such an idea alone as long
 * as the relay {@linkplain OutboxRelay#isQueued holds it}. {@link #isAcknowledged} remembers it for
 * {@value #REMEMBERED_MINUTES} minute from the acknowledgement, so that a relay of the same idea removes it instead of
 * sending it again: also when a save based on a read from before the removal wrote it back (the removal does not
 * change the idea's version). If the removal fails, the events stay where they are and the sweep relays them again after its
 * grace period (consumers de-duplicate by event id), as after a crash.
 * <p>
 * Confined to the relay's one thread ({@code executor}), apart from {@link #isAcknowledged}.
 */
final class OutboxRemovals {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRemovals.class);

    /** How long an acknowledged event is remembered, from its acknowledgement. */
    static final int REMEMBERED_MINUTES = 1;

    private final ScheduledExecutorService executor;
    private final Duration delay;
    private final int maxIdeas;
    private final Consumer<Map<IdeaId, List<UUID>>> remover;
    private final Consumer<Set<IdeaId>> removed;

    private final Map<IdeaId, List<UUID>> waiting = new LinkedHashMap<>();
    private final Cache<UUID, Boolean> acknowledged = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(REMEMBERED_MINUTES))
            .maximumSize(100_000)
            .build();
    private boolean scheduled;

    /**
     * @param executor the relay's thread, which calls {@link #add} and runs the delayed removal
     * @param delay how long a removal waits for others at most
     * @param maxIdeas how many ideas' removals make a write at once, without waiting longer
     * @param remover removes the given events from the given ideas' outboxes
     * @param removed told which ideas' removals were written or given up, whichever happened
     */
    OutboxRemovals(
            ScheduledExecutorService executor,
            Duration delay,
            int maxIdeas,
            Consumer<Map<IdeaId, List<UUID>>> remover,
            Consumer<Set<IdeaId>> removed) {
        this.executor = executor;
        this.delay = delay;
        this.maxIdeas = maxIdeas;
        this.remover = remover;
        this.removed = removed;
    }

    /** Removes {@code relayed} from their outboxes together with the others that arrive within the delay. */
    void add(Map<IdeaId, List<UUID>> relayed) {
        relayed.forEach((ideaId, eventIds) -> {
            waiting.computeIfAbsent(ideaId, id -> new ArrayList<>()).addAll(eventIds);
            eventIds.forEach(eventId -> acknowledged.put(eventId, Boolean.TRUE));
        });
        if (waiting.size() >= maxIdeas || delay.isZero()) {
            removeWaiting();
        } else if (!scheduled && !waiting.isEmpty()) {
            try {
                executor.schedule(this::removeScheduled, delay.toNanos(), TimeUnit.NANOSECONDS);
                scheduled = true;
            } catch (RejectedExecutionException ex) {
                // shutting down: no later turn comes
                removeWaiting();
            }
        }
    }

    /** Whether the broker acknowledged the event less than a minute ago (its removal written or still waiting). */
    boolean isAcknowledged(UUID eventId) {
        return acknowledged.getIfPresent(eventId) != null;
    }

    private void removeScheduled() {
        scheduled = false;
        removeWaiting();
    }

    private void removeWaiting() {
        if (waiting.isEmpty()) {
            return;
        }
        Map<IdeaId, List<UUID>> removing = new LinkedHashMap<>(waiting);
        waiting.clear();
        try {
            remover.accept(removing);
        } catch (RuntimeException ex) {
            LOG.warn(
                    "Removing {} relayed ideas' events from their outboxes failed; the sweep relays them again: {}",
                    removing.size(),
                    ex.getMessage());
        } finally {
            removed.accept(removing.keySet());
        }
    }
}
