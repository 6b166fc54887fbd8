package org.suggestionbox.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuReportTests {

    @Test
    void cpuPerIdeaSubtractsIdleCpuForAsLongAsTheLoadLasted() {
        // idle: 0.5 s CPU in 50 s (1 % of a core); load: 3.5 s CPU in 30 s, of which 0.3 s would be idle
        CpuReport report = new CpuReport(
                window("suggestion-router", 10_000, 10_500),
                Duration.ofSeconds(50),
                window("suggestion-router", 20_000, 23_500),
                Duration.ofSeconds(30),
                1600,
                Map.of("suggestion-router", 300L));

        assertThat(report.lines().get("suggestion-router"))
                .startsWith(
                        "2.00 CPU-ms per idea (3500 ms under load − 300 ms idle, 1600 ideas); idle 1.00 % of a core")
                .contains("max RSS 300 MB")
                .endsWith("target ≤ 2 ms/idea, idle < 1 %, RSS ≤ 256 MB: not met");
    }

    @Test
    void aServiceWithinEveryTargetIsMarkedMet() {
        CpuReport report = new CpuReport(
                window("suggestion-intake", 0, 100),
                Duration.ofSeconds(30),
                window("suggestion-intake", 1000, 2500),
                Duration.ofSeconds(30),
                1500,
                Map.of("suggestion-intake", 200L));

        assertThat(report.lines().get("suggestion-intake"))
                .startsWith("0.93 CPU-ms")
                .endsWith(": met");
    }

    @Test
    void processesWithoutTargetsGetNoVerdict() {
        CpuReport report = new CpuReport(
                window("kafka", 0, 300),
                Duration.ofSeconds(30),
                window("kafka", 0, 900),
                Duration.ofSeconds(30),
                100,
                Map.of());

        assertThat(report.lines().get("kafka"))
                .isEqualTo("6.00 CPU-ms per idea (900 ms under load − 300 ms idle, 100 ideas); idle 1.00 % of a core");
    }

    private static CpuReport.Window window(String process, long startMillis, long endMillis) {
        return new CpuReport.Window(
                Map.of(process, Duration.ofMillis(startMillis)), Map.of(process, Duration.ofMillis(endMillis)));
    }
}
