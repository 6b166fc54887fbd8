package org.suggestionbox.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code --cpu-report}: per process, CPU-ms per idea = (CPU from the measured start until every idea was
 * delivered − the process's idle CPU rate × that time) ÷ measured ideas; its idle share of one core; and
 * its highest resident memory during the load.
 *
 * @param idle CPU per process at the start and end of the idle phase
 * @param idleWall how long the idle phase lasted
 * @param load CPU per process at the measured start and once every idea was delivered
 * @param loadWall how long that lasted
 * @param ideas ideas accepted in the measured phase
 * @param maxRssMegabytes the highest resident memory per process seen during the load
 */
record CpuReport(
        Window idle, Duration idleWall, Window load, Duration loadWall, long ideas, Map<String, Long> maxRssMegabytes) {

    /** CPU time per process at the start and at the end of a phase. */
    record Window(Map<String, Duration> start, Map<String, Duration> end) {

        @Nullable
        Duration used(String process) {
            Duration from = this.start.get(process);
            Duration to = this.end.get(process);
            return from == null || to == null ? null : to.minus(from);
        }
    }

    /** The targets (issue #13) in CPU-ms per idea, by the process name's start. */
    private static final Map<String, Double> TARGETS =
            Map.of("suggestion-intake", 1.0, "suggestion-router", 2.0, "feedback-notifier", 3.0);

    /** One line per process the load window knows, in its order. */
    Map<String, String> lines() {
        Map<String, String> lines = new LinkedHashMap<>();
        for (String process : this.load.end().keySet()) {
            Duration busy = this.load.used(process);
            Duration quiet = this.idle.used(process);
            if (busy == null) {
                continue;
            }
            lines.put(process, line(process, busy, quiet));
        }
        return lines;
    }

    private String line(String process, Duration busy, @Nullable Duration quiet) {
        double busyMs = busy.toNanos() / 1e6;
        double idleShare = quiet == null ? Double.NaN : quiet.toNanos() / (double) this.idleWall.toNanos();
        double idleMs = Double.isNaN(idleShare) ? 0 : idleShare * this.loadWall.toNanos() / 1e6;
        double perIdea = this.ideas == 0 ? Double.NaN : (busyMs - idleMs) / this.ideas;
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "%.2f CPU-ms per idea (%.0f ms under load − %.0f ms idle, %d ideas); idle %s of a core",
                perIdea,
                busyMs,
                idleMs,
                this.ideas,
                Double.isNaN(idleShare) ? "n/a" : String.format(Locale.ROOT, "%.2f %%", 100 * idleShare)));
        Long rss = this.maxRssMegabytes.get(process);
        if (rss != null) {
            text.append("; max RSS ").append(rss).append(" MB");
        }
        TARGETS.entrySet().stream()
                .filter(target -> process.startsWith(target.getKey()))
                .findFirst()
                .ifPresent(target -> text.append(String.format(
                        Locale.ROOT,
                        "; target ≤ %.0f ms/idea, idle < 1 %%, RSS ≤ 256 MB: %s",
                        target.getValue(),
                        perIdea <= target.getValue() && idleShare < 0.01 && (rss == null || rss <= 256)
                                ? "met"
                                : "not met")));
        return text.toString();
    }
}
