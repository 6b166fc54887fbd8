package org.suggestionbox.router.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Percentiles read from the bucketed time-to-decision histogram, checked by hand. */
class DecisionTimeHistogramTests {

    @Test
    void durationsFallInTheFirstBucketThatHoldsThem() {
        assertThat(DecisionTimeHistogram.bucketOf(Duration.ZERO)).isEqualTo("1");
        assertThat(DecisionTimeHistogram.bucketOf(Duration.ofHours(1))).isEqualTo("1");
        assertThat(DecisionTimeHistogram.bucketOf(Duration.ofMinutes(61))).isEqualTo("4");
        assertThat(DecisionTimeHistogram.bucketOf(Duration.ofDays(6))).isEqualTo("168");
        assertThat(DecisionTimeHistogram.bucketOf(Duration.ofDays(61))).isEqualTo("inf");
    }

    @Test
    void medianAndNinetiethPercentileByNearestRank() {
        // ten decisions: 3 within 1 h, 2 within 4 h, 4 within 24 h, 1 within a week
        Map<String, Long> counts = Map.of("1", 3L, "4", 2L, "24", 4L, "168", 1L);

        // median: rank ceil(0.5 × 10) = 5 → cumulative 3, 5 → the 4 h bucket
        assertThat(DecisionTimeHistogram.percentile(counts, 0.5))
                .isEqualTo(new DecisionTimeHistogram.Percentile(4, false));
        // p90: rank 9 → cumulative 3, 5, 9 → the 24 h bucket
        assertThat(DecisionTimeHistogram.percentile(counts, 0.9))
                .isEqualTo(new DecisionTimeHistogram.Percentile(24, false));
        // the single slowest: rank 10 → a week
        assertThat(DecisionTimeHistogram.percentile(counts, 1.0))
                .isEqualTo(new DecisionTimeHistogram.Percentile(168, false));
    }

    @Test
    void nothingDecidedHasNoPercentileAndTheOpenEndIsMarked() {
        assertThat(DecisionTimeHistogram.percentile(Map.of(), 0.5)).isNull();
        assertThat(DecisionTimeHistogram.percentile(Map.of("1", 1L, "inf", 3L), 0.5))
                .isEqualTo(new DecisionTimeHistogram.Percentile(1440, true));
    }
}
