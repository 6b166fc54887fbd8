package org.suggestionbox.router.similar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.suggestionbox.router.storage.IdeaStore;

/** The index of the ideas stored before the start is read in the background: the router does not wait for it. */
class SimilarIdeasRebuildTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final UUID stored = UUID.randomUUID();

    private final List<IdeaStore.IdeaText> storedTexts = List.of(new IdeaStore.IdeaText(
            stored,
            "Solar panels on the warehouse roof",
            "Photovoltaic panels to cut the electricity bill.",
            Instant.parse("2026-11-02T09:00:00Z")));

    @Test
    void startingDoesNotWaitForTheStoredIdeasAndTheyAreSearchableOnceRead() throws Exception {
        CountDownLatch databaseAnswers = new CountDownLatch(1);
        SimilarIdeas similar = new SimilarIdeas(() -> {
            await(databaseAnswers);
            return storedTexts.stream();
        });
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(2), similar::startRebuild);

            // started, and answering, while the stored ideas are still being read
            assertThat(similar.awaitRebuilt(Duration.ofMillis(200))).isFalse();
            assertThat(similar.search("photovoltaic", 10)).isEmpty();

            databaseAnswers.countDown();
            assertThat(similar.awaitRebuilt(WAIT)).isTrue();
            assertThat(similar.search("photovoltaic", 10)).containsExactly(stored);
        } finally {
            similar.close();
        }
    }

    @Test
    void aReadThatFailsIsTriedAgainUntilItSucceeds() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        SimilarIdeas similar = new SimilarIdeas(() -> {
            if (reads.incrementAndGet() == 1) {
                throw new IllegalStateException("MongoDB not answering");
            }
            return storedTexts.stream();
        });
        try {
            similar.startRebuild();

            assertThat(similar.awaitRebuilt(SimilarIdeas.RETRY.plus(WAIT))).isTrue();
            assertThat(reads).hasValue(2);
            assertThat(similar.search("warehouse roof", 10)).containsExactly(stored);
        } finally {
            similar.close();
        }
    }

    @Test
    void closingWhileTheStoredIdeasAreReadStopsTheRead() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicInteger written = new AtomicInteger();
        SimilarIdeas similar =
                new SimilarIdeas(() -> Stream.iterate(0, i -> i + 1).map(i -> {
                    if (i == 1) {
                        await(closed);
                    }
                    written.incrementAndGet();
                    return new IdeaStore.IdeaText(UUID.randomUUID(), "Idea " + i, "", Instant.EPOCH);
                }));
        similar.startRebuild();
        similar.close();
        closed.countDown();

        assertThat(similar.awaitRebuilt(Duration.ofMillis(500))).isFalse();
        assertThat(written.get()).isLessThanOrEqualTo(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("The test never released the read");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
