package org.suggestionbox.router.dashboard;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Time to decision kept as counts in fixed buckets, so a percentile is read from a handful of
 * counters however many ideas were decided. A percentile is reported as the upper bound of the
 * bucket it falls in ("decided within 2 days"); the last bucket is open-ended.
 */
final class DecisionTimeHistogram {

    /** Upper bounds of the buckets, in hours. */
    static final List<Long> BOUNDS_HOURS =
            List.of(1L, 4L, 8L, 24L, 48L, 72L, 120L, 168L, 240L, 336L, 504L, 720L, 1440L);

    private DecisionTimeHistogram() {}

    /** The bucket a duration falls in, as its key: the upper bound in hours, or {@code "inf"}. */
    static String bucketOf(Duration duration) {
        for (long bound : BOUNDS_HOURS) {
            if (duration.compareTo(Duration.ofHours(bound)) <= 0) {
                return Long.toString(bound);
            }
        }
        return "inf";
    }

    /**
     * The bucket holding the {@code quantile} (0–1, nearest rank), or null when nothing was decided. A
     * quantile in the open-ended last bucket comes back as the last bound with {@code beyond} set.
     */
    static @Nullable Percentile percentile(Map<String, Long> counts, double quantile) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long cumulative = 0;
        for (long bound : BOUNDS_HOURS) {
            cumulative += counts.getOrDefault(Long.toString(bound), 0L);
            if (cumulative >= rank) {
                return new Percentile(bound, false);
            }
        }
        return new Percentile(BOUNDS_HOURS.getLast(), true);
    }

    /**
     * A percentile read from the histogram.
     *
     * @param withinHours the bucket's upper bound in hours
     * @param beyond true when it lies beyond the last bound ({@code > withinHours})
     */
    record Percentile(long withinHours, boolean beyond) {}
}
