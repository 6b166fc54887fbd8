package org.suggestionbox.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of this JVM and of the stack's child processes (by pid, from {@link ProcessHandle}), taken
 * at two moments; the difference over the wall time is the share of one core each used.
 */
final class CpuUsage {

    static final String BENCHMARK = "benchmark (this JVM)";

    private CpuUsage() {}

    /** CPU time so far by process name; processes whose CPU time the OS does not tell are left out. */
    static Map<String, Duration> snapshot(Map<String, Long> childPids) {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            cpu.put(BENCHMARK, Duration.ofNanos(os.getProcessCpuTime()));
        }
        childPids.forEach((name, pid) -> ProcessHandle.of(pid)
                .flatMap(process -> process.info().totalCpuDuration())
                .ifPresent(duration -> cpu.put(name, duration)));
        return cpu;
    }

    /** Per process in both snapshots: the CPU time it used between them. */
    static Map<String, Duration> used(Map<String, Duration> before, Map<String, Duration> after) {
        Map<String, Duration> used = new LinkedHashMap<>();
        after.forEach((process, end) -> {
            Duration start = before.get(process);
            if (start != null) {
                used.put(process, end.minus(start));
            }
        });
        return used;
    }

    /** Per process: CPU seconds used between the snapshots and the percentage of one core over {@code wall}. */
    static Map<String, String> between(Map<String, Duration> before, Map<String, Duration> after, Duration wall) {
        Map<String, String> usage = new LinkedHashMap<>();
        double wallSeconds = wall.toNanos() / 1e9;
        double total = 0;
        for (Map.Entry<String, Duration> entry : used(before, after).entrySet()) {
            double seconds = entry.getValue().toNanos() / 1e9;
            total += seconds;
            usage.put(entry.getKey(), format(seconds, wallSeconds));
        }
        usage.put("total", format(total, wallSeconds));
        return usage;
    }

    private static String format(double seconds, double wallSeconds) {
        return String.format(
                java.util.Locale.ROOT,
                "%.1f s CPU (%.0f %% of one core)",
                seconds,
                wallSeconds > 0 ? 100 * seconds / wallSeconds : 0);
    }
}
