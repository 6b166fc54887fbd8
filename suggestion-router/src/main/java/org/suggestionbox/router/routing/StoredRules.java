package org.suggestionbox.router.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The rules an administrator stored, as routing reads them: again once the last read is older than {@code refresh},
 * so every router instance follows another's change within it, and at once the rules this instance stored itself.
 * (Reading them for every poll of ideas was about a twelfth of the router's CPU per idea at 50 ideas/s, issue #13.)
 */
final class StoredRules {

    /** The stored rules as last read or written (none stored: empty), and when, by {@code nanoTime}. */
    private record Read(Optional<List<RuleDefinition>> rules, long atNanos) {}

    private final RuleStore store;
    private final long refreshNanos;
    private final LongSupplier nanoTime;
    private volatile @Nullable Read last;

    StoredRules(RuleStore store, Duration refresh, LongSupplier nanoTime) {
        this.store = store;
        this.refreshNanos = refresh.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The stored rules as read at most {@code refresh} ago. */
    Optional<List<RuleDefinition>> recent() {
        Read read = last;
        if (read == null || nanoTime.getAsLong() - read.atNanos() >= refreshNanos) {
            return now();
        }
        return read.rules();
    }

    /** The stored rules, read now. */
    Optional<List<RuleDefinition>> now() {
        Read read = new Read(store.load(), nanoTime.getAsLong());
        last = read;
        return read.rules();
    }

    /** Stores {@code rules} for every instance; this one routes by them from now on. */
    void save(List<RuleDefinition> rules, String by, Instant at) {
        store.save(rules, by, at);
        last = new Read(Optional.of(List.copyOf(rules)), nanoTime.getAsLong());
    }
}
