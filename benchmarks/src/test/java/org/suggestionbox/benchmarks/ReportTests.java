package org.suggestionbox.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ReportTests {

    @Test
    void percentilesAreInMillisecondsOfAHistogramOfMicroseconds() {
        Histogram micros = new Histogram(3);
        for (int i = 1; i <= 1000; i++) {
            micros.recordValue(i * 1000L);
        }

        assertThat(Report.percentiles(micros))
                .startsWith("p50 500.")
                .contains("/ max 1000.")
                .endsWith("(n=1000)");
        assertThat(Report.percentiles(micros))
                .isEqualTo("p50 500.2 / p99 990.2 / p99.9 999.4 / max 1000.4 ms (n=1000)");
        assertThat(Report.requestPercentiles(micros))
                .isEqualTo("p50 500.2 / p95 950.3 / p99 990.2 / max 1000.4 ms (n=1000)");
        assertThat(Report.percentiles(new Histogram(3))).isEqualTo("no samples");
        assertThat(Report.requestPercentiles(new Histogram(3))).isEqualTo("no samples");
    }

    @Test
    void theRatioDividesThePipelinesPercentileByTheBaselines() {
        Histogram pipeline = new Histogram(3);
        Histogram raw = new Histogram(3);
        pipeline.recordValue(40_000);
        raw.recordValue(4_000);

        assertThat(Report.ratio(pipeline, raw, 50)).isEqualTo("10.0×");
        assertThat(Report.ratio(pipeline, new Histogram(3), 50)).isEqualTo("n/a");
    }

    @Test
    void rendersAMarkdownTableWithNotes() {
        String markdown = new Report("Pipeline benchmark")
                .row("rate", "100/s")
                .row("errors | by status", "none")
                .note("measured open loop")
                .markdown();

        assertThat(markdown)
                .startsWith("# Pipeline benchmark\n\n| | |\n|---|---|\n")
                .contains("| rate | 100/s |\n")
                .contains("| errors \\| by status | none |\n")
                .endsWith("\n- measured open loop\n");
    }
}
