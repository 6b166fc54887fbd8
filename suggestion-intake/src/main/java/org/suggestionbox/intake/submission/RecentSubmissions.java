package org.suggestionbox.intake.submission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A bounded, in-memory memory of recent (person, Idempotency-Key) submissions, so that a repeated
 * key is answered with the first answer and publishes nothing again. The first request with a key
 * claims it; a concurrent repeat waits for that first request's outcome.
 * <p>
 * This memory is lost on restart and not shared between instances. That is enough, because the
 * idea id and event id are derived from (person, key): a repeat that reaches the broker anyway
 * carries the same idea id, and the router drops a second {@code IdeaSubmitted} for an idea id it
 * already knows. This map only spares the duplicate publish and gives the client the same answer.
 */
final class RecentSubmissions {

    record Key(String personId, String idempotencyKey) {
    }

    /** A claimed key: what was submitted under it (as a fingerprint) and how it ended. */
    static final class Submission {

        private final String fingerprint;
        private final Instant claimedAt;
        private final CompletableFuture<SubmissionResult.Accepted> outcome = new CompletableFuture<>();

        Submission(String fingerprint, Instant claimedAt) {
            this.fingerprint = fingerprint;
            this.claimedAt = claimedAt;
        }

        String fingerprint() {
            return fingerprint;
        }

        CompletableFuture<SubmissionResult.Accepted> outcome() {
            return outcome;
        }
    }

    /** Either this caller claimed the key and must submit, or somebody did before. */
    sealed interface Claim {

        record Claimed(Submission entry) implements Claim {
        }

        record Existing(Submission entry) implements Claim {
        }
    }

    private final Clock clock;
    private final Duration timeToLive;
    private final Map<Key, Submission> entries;

    RecentSubmissions(int capacity, Duration timeToLive, Clock clock) {
        this.clock = clock;
        this.timeToLive = timeToLive;
        this.entries = new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Submission> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Claim claim(Key key, String fingerprint) {
        Instant now = clock.instant();
        @Nullable Submission existing = entries.get(key);
        if (existing != null && existing.claimedAt.plus(timeToLive).isAfter(now)) {
            return new Claim.Existing(existing);
        }
        Submission entry = new Submission(fingerprint, now);
        entries.remove(key);
        entries.put(key, entry);
        return new Claim.Claimed(entry);
    }

    /** Forgets a claim whose submission was not accepted, so the client may retry with the same key. */
    synchronized void release(Key key, Submission entry) {
        entries.remove(key, entry);
    }
}
