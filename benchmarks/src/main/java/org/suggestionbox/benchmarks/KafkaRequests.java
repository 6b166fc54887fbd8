package org.suggestionbox.benchmarks;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.suggestionbox.localstack.LocalStack;

/**
 * The requests the local stack's Kafka broker handled, by kind ({@link LocalStack#kafkaRequests()}): produce
 * requests, consumers' fetches, offset commits, heartbeats and the rest. Read before and after a load, the
 * difference per idea is what each idea costs the broker in requests, a figure no other process on a busy machine
 * changes, unlike its CPU time.
 *
 * @param counts per request kind, since the broker started
 */
record KafkaRequests(Map<String, Long> counts) {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaRequests.class);

    /** The broker's counts so far; null, with a warning, where they cannot be read (no broker of the stack's own). */
    static @Nullable KafkaRequests read(LocalStack stack) {
        try {
            Map<String, Long> counts = stack.kafkaRequests();
            return counts.isEmpty() ? null : new KafkaRequests(counts);
        } catch (RuntimeException ex) {
            LOG.warn("The Kafka broker's request counts cannot be read: {}", ex.getMessage());
            return null;
        }
    }

    /** {@link #perIdea} of the requests between two reads; empty when either failed. */
    static Map<String, String> perIdea(@Nullable KafkaRequests before, @Nullable KafkaRequests after, long ideas) {
        return before == null || after == null ? Map.of() : after.perIdea(before, ideas);
    }

    /**
     * All requests since {@code before} per idea under {@code all}, then each kind handled at least once per hundred
     * ideas, the most frequent first.
     */
    Map<String, String> perIdea(KafkaRequests before, long ideas) {
        Map<String, Long> since = new LinkedHashMap<>();
        counts.forEach((kind, count) -> since.put(kind, count - before.counts.getOrDefault(kind, 0L)));
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("all", line(since.values().stream().mapToLong(Long::longValue).sum(), ideas));
        since.entrySet().stream()
                .filter(entry -> entry.getValue() * 100 >= Math.max(1, ideas))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> lines.put(entry.getKey(), line(entry.getValue(), ideas)));
        return lines;
    }

    private static String line(long requests, long ideas) {
        return String.format(Locale.ROOT, "%.2f per idea (%d)", requests / (double) Math.max(1, ideas), requests);
    }
}
