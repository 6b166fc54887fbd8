package org.suggestionbox.intake.submission;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A bounded, in-memory memory of recent (person, Idempotency-Key) submissions, so that a repeated
 * key is answered with the first answer and publishes nothing again. The first request with a key
 * claims it; a concurrent repeat waits for that first request's outcome. A Caffeine cache holds the
 * claims: at most {@code capacity} of them, each for {@code timeToLive} after it was claimed.
 * <p>
 * This memory is lost on restart and not shared between instances. That is enough, because the
 * idea id and event id are derived from (person, key): a repeat that reaches the broker anyway
 * carries the same idea id, and the router drops a second {@code IdeaSubmitted} for an idea id it
 * already knows. This cache only spares the duplicate publish and gives the client the same answer.
 */
final class RecentSubmissions {

    record Key(String personId, String idempotencyKey) {}

    /** A claimed key: what was submitted under it (as a fingerprint) and how it ended. */
    record Submission(String fingerprint, CompletableFuture<SubmissionResult.Accepted> outcome) {

        Submission(String fingerprint) {
            this(fingerprint, new CompletableFuture<>());
        }
    }

    /** Either this caller claimed the key and must submit, or somebody did before. */
    sealed interface Claim {

        record Claimed(Submission entry) implements Claim {}

        record Existing(Submission entry) implements Claim {}
    }

    private final Cache<Key, Submission> entries;

    RecentSubmissions(int capacity, Duration timeToLive, Clock clock) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(capacity)
                .expireAfterWrite(timeToLive)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /** Claims {@code key} for a submission with this fingerprint, unless a live claim holds it already. */
    Claim claim(Key key, String fingerprint) {
        Submission mine = new Submission(fingerprint);
        // expired entries count as absent, so an old claim is replaced by this one
        Submission holder = entries.asMap().computeIfAbsent(key, unused -> mine);
        return holder == mine ? new Claim.Claimed(mine) : new Claim.Existing(holder);
    }

    /** Forgets a claim whose submission was not accepted, so the client may retry with the same key. */
    void release(Key key, Submission entry) {
        entries.asMap().remove(key, entry);
    }
}
