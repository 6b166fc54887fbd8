package org.suggestionbox.benchmarks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** The results as a two-column markdown table, in the order rows were added. */
final class Report {

    private final String title;

    private final List<String[]> rows = new ArrayList<>();

    private final List<String> notes = new ArrayList<>();

    Report(String title) {
        this.title = title;
    }

    Report row(String name, Object value) {
        this.rows.add(new String[] {name, String.valueOf(value)});
        return this;
    }

    Report note(String note) {
        this.notes.add(note);
        return this;
    }

    String markdown() {
        StringBuilder text = new StringBuilder("# ").append(this.title).append("\n\n| | |\n|---|---|\n");
        for (String[] row : this.rows) {
            text.append("| ")
                    .append(cell(row[0]))
                    .append(" | ")
                    .append(cell(row[1]))
                    .append(" |\n");
        }
        if (!this.notes.isEmpty()) {
            text.append('\n');
            this.notes.forEach(note -> text.append("- ").append(note).append('\n'));
        }
        return text.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** {@code p50 / p99 / p99.9 / max} in milliseconds of a histogram of microseconds, with the count. */
    static String percentiles(Histogram micros) {
        return percentiles(micros, 50, 99, 99.9);
    }

    /** For request latencies measured one at a time: p50, p95 (the target), p99 and max. */
    static String requestPercentiles(Histogram micros) {
        return percentiles(micros, 50, 95, 99);
    }

    private static String percentiles(Histogram micros, double... percentiles) {
        if (micros.getTotalCount() == 0) {
            return "no samples";
        }
        StringBuilder text = new StringBuilder();
        for (double percentile : percentiles) {
            text.append(String.format(
                    Locale.ROOT,
                    "p%s %s / ",
                    BigDecimal.valueOf(percentile).stripTrailingZeros().toPlainString(),
                    millis(micros.getValueAtPercentile(percentile))));
        }
        return text.append(String.format(
                        Locale.ROOT, "max %s ms (n=%d)", millis(micros.getMaxValue()), micros.getTotalCount()))
                .toString();
    }

    /** The pipeline's percentile divided by the baseline's, e.g. {@code 12.3×}. */
    static String ratio(Histogram pipeline, Histogram raw, double percentile) {
        long base = raw.getValueAtPercentile(percentile);
        if (pipeline.getTotalCount() == 0 || raw.getTotalCount() == 0 || base == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.1f×", (double) pipeline.getValueAtPercentile(percentile) / base);
    }

    static String millis(long micros) {
        return String.format(Locale.ROOT, "%.1f", micros / 1000d);
    }
}
