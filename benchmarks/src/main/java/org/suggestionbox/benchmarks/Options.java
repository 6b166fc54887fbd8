package org.suggestionbox.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The benchmark's knobs, as {@link BenchmarkCommand} read them from the command line; checked here.
 *
 * @param rate intended ideas (and baseline records) per second
 * @param duration how long the measured phase lasts
 * @param warmup how long load runs before measuring (not in any histogram)
 * @param drain how long to wait after the last send for outstanding deliveries
 * @param users demo users submitting in turn (password {@code demo})
 * @param intakeUrl an already running intake; with {@code bootstrapServers}, no stack is started
 * @param bootstrapServers the running stack's Kafka
 * @param partitions partitions of the baseline topic (the services' topics have the platform's 3)
 * @param baseline whether to run the raw Kafka baseline
 * @param results the markdown file the results are written to
 * @param projectDir the repository root holding the services' executable jars
 * @param replayEvents IdeaSubmitted records the router replays into an empty store after the load (0: no replay)
 * @param storedIdeas ideas stored when the queue and dashboard latency is measured (0: not measured)
 * @param mongoInMemory whether the MongoDB-wire server keeps its data in memory instead of its H2 file
 * @param apiRequests requests timed for each of the queue and the dashboard
 * @param slackRequests signed {@code /idea} slash commands timed after the load, 20 a second (0: none)
 * @param cpuReport whether to measure idle CPU before the load and report CPU-ms per idea, idle share and RSS
 *     per process
 * @param settle with {@code cpuReport}, how long the healthy stack is left alone before its idle CPU is measured
 * @param profile whether to record JFR in every child JVM during the measured load and report its top frames
 * @param serviceJvmOptions the services' heap, GC and other JVM options, before headless mode and the lifted limits
 */
record Options(
        double rate,
        Duration duration,
        Duration warmup,
        Duration drain,
        List<String> users,
        @Nullable String intakeUrl,
        @Nullable String bootstrapServers,
        int partitions,
        boolean baseline,
        Path results,
        Path projectDir,
        long replayEvents,
        long storedIdeas,
        boolean mongoInMemory,
        int apiRequests,
        int slackRequests,
        boolean cpuReport,
        Duration settle,
        boolean profile,
        List<String> serviceJvmOptions) {

    Options {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("--rate must be positive, was " + rate);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive");
        }
        if (warmup.isNegative() || drain.isNegative() || settle.isNegative()) {
            throw new IllegalArgumentException("--warmup, --drain and --settle must not be negative");
        }
        if (users.isEmpty()) {
            throw new IllegalArgumentException("--users must name at least one demo user");
        }
        if ((intakeUrl == null) != (bootstrapServers == null)) {
            throw new IllegalArgumentException("--intake-url and --bootstrap-servers go together");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1");
        }
        if (replayEvents < 0 || storedIdeas < 0 || apiRequests < 1 || slackRequests < 0) {
            throw new IllegalArgumentException(
                    "--replay-events and --stored-ideas must not be negative, " + "--api-requests must be positive");
        }
        if ((replayEvents > 0 || storedIdeas > 0) && intakeUrl != null) {
            throw new IllegalArgumentException(
                    "--replay-events and --stored-ideas need the stack the benchmark starts");
        }
        if ((cpuReport || profile || mongoInMemory) && intakeUrl != null) {
            throw new IllegalArgumentException(
                    "--cpu-report, --profile and --mongo-in-memory need the stack the benchmark starts");
        }
        if (serviceJvmOptions.stream().anyMatch(option -> !option.startsWith("-"))) {
            throw new IllegalArgumentException(
                    "--service-jvm-options takes JVM options, each starting with '-', was " + serviceJvmOptions);
        }
        users = List.copyOf(users);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
    }

    boolean externalStack() {
        return this.intakeUrl != null;
    }
}
