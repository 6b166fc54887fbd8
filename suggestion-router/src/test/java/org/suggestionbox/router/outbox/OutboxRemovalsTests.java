package org.suggestionbox.router.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.suggestionbox.router.idea.IdeaId;

/** The removals of relayed events, gathered on the relay's thread and written together. */
class OutboxRemovalsTests {

    private final ScheduledExecutorService relayThread = Executors.newSingleThreadScheduledExecutor();
    private final List<Map<IdeaId, List<UUID>>> writes = new CopyOnWriteArrayList<>();
    private final List<Set<IdeaId>> released = new CopyOnWriteArrayList<>();

    private final IdeaId first = new IdeaId(UUID.randomUUID());
    private final IdeaId second = new IdeaId(UUID.randomUUID());
    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();

    @AfterEach
    void stop() {
        relayThread.shutdownNow();
    }

    @Test
    void theRemovalsOfRelaysWithinTheDelayAreOneWrite() throws Exception {
        OutboxRemovals removals = removals(Duration.ofMillis(300), 100, writes::add);

        relayThread
                .submit(() -> {
                    removals.add(Map.of(first, List.of(a)));
                    removals.add(Map.of(second, List.of(b)));
                    removals.add(Map.of(first, List.of(c)));
                })
                .get();

        // acknowledged and not yet removed: a relay of the same idea leaves them out
        assertThat(writes).isEmpty();
        assertThat(removals.isAcknowledged(a)).isTrue();
        assertThat(removals.isAcknowledged(c)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> !writes.isEmpty());
        assertThat(writes).singleElement().isEqualTo(Map.of(first, List.of(a, c), second, List.of(b)));
        await().atMost(Duration.ofSeconds(10)).until(() -> !released.isEmpty());
        assertThat(released).singleElement().isEqualTo(Set.of(first, second));
        // still remembered: a save based on a read from before the removal may write them back
        assertThat(removals.isAcknowledged(a)).isTrue();
        assertThat(removals.isAcknowledged(b)).isTrue();
        assertThat(removals.isAcknowledged(UUID.randomUUID())).isFalse();
    }

    @Test
    void aFullBatchIsWrittenWithoutWaiting() throws Exception {
        OutboxRemovals removals = removals(Duration.ofHours(1), 2, writes::add);

        relayThread
                .submit(() -> {
                    removals.add(Map.of(first, List.of(a)));
                    removals.add(Map.of(second, List.of(b)));
                })
                .get();

        assertThat(writes).singleElement().isEqualTo(Map.of(first, List.of(a), second, List.of(b)));
        assertThat(released).singleElement().isEqualTo(Set.of(first, second));
    }

    @Test
    void noDelayWritesEachRelaysRemovalAtOnce() throws Exception {
        OutboxRemovals removals = removals(Duration.ZERO, 100, writes::add);

        relayThread
                .submit(() -> {
                    removals.add(Map.of(first, List.of(a)));
                    removals.add(Map.of(second, List.of(b)));
                })
                .get();

        assertThat(writes).containsExactly(Map.of(first, List.of(a)), Map.of(second, List.of(b)));
    }

    @Test
    void aFailedWriteLeavesTheEventsToTheSweep() throws Exception {
        OutboxRemovals removals = removals(Duration.ZERO, 100, relayed -> {
            throw new IllegalStateException("the database is away");
        });

        relayThread.submit(() -> removals.add(Map.of(first, List.of(a)))).get();

        // no longer held: the sweep may relay the idea again once its grace period has passed, and a relay of
        // the idea before that tries the removal again
        assertThat(released).singleElement().isEqualTo(Set.of(first));
        assertThat(removals.isAcknowledged(a)).isTrue();
    }

    private OutboxRemovals removals(Duration delay, int maxIdeas, Consumer<Map<IdeaId, List<UUID>>> remover) {
        return new OutboxRemovals(relayThread, delay, maxIdeas, remover, released::add);
    }
}
