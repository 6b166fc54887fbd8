package org.suggestionbox.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The benchmark's knobs, from the command line.
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
 * @param apiRequests requests timed for each of the queue and the dashboard
 * @param slackRequests signed {@code /idea} slash commands timed after the load, 20 a second (0: none)
 */
record Options(double rate, Duration duration, Duration warmup, Duration drain, List<String> users,
        @Nullable String intakeUrl, @Nullable String bootstrapServers, int partitions, boolean baseline, Path results,
        Path projectDir, long replayEvents, long storedIdeas, int apiRequests, int slackRequests) {

    static final String USAGE = """
            Usage: benchmarks/run.sh [--rate 100] [--duration 30s] [--warmup 5s] [--drain 60s]
                                     [--users alice,noa,piotr,jan,lea] [--partitions 3] [--no-baseline]
                                     [--results benchmarks/results/latest.md] [--project-dir .]
                                     [--slack-requests 300] [--replay-events 20000]
                                     [--stored-ideas 1000000 [--api-requests 200]]
                                     [--intake-url http://localhost:8081 --bootstrap-servers 127.0.0.1:9092]
            --slack-requests (default 300, 20/s, signed with the stack's generated SLACK_SIGNING_SECRET:
            the started one's, else $SLACK_SIGNING_SECRET or .local-stack/secrets.properties), --replay-events and
            --stored-ideas run after the load; the last two only on the stack the benchmark started.
            Without --intake-url/--bootstrap-servers a whole stack is started on free ports in a temp dir.
            Durations: 30 (seconds), 30s, 500ms, 2m.""";

    Options {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("--rate must be positive, was " + rate);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive");
        }
        if (warmup.isNegative() || drain.isNegative()) {
            throw new IllegalArgumentException("--warmup and --drain must not be negative");
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
            throw new IllegalArgumentException("--replay-events and --stored-ideas must not be negative, "
                    + "--api-requests must be positive");
        }
        if ((replayEvents > 0 || storedIdeas > 0) && intakeUrl != null) {
            throw new IllegalArgumentException("--replay-events and --stored-ideas need the stack the benchmark starts");
        }
        users = List.copyOf(users);
    }

    static Options parse(String... args) {
        double rate = 100;
        Duration duration = Duration.ofSeconds(30);
        Duration warmup = Duration.ofSeconds(5);
        Duration drain = Duration.ofSeconds(60);
        List<String> users = List.of("alice", "noa", "piotr", "jan", "lea");
        String intakeUrl = null;
        String bootstrapServers = null;
        int partitions = 3;
        boolean baseline = true;
        Path results = Path.of("benchmarks", "results", "latest.md");
        Path projectDir = Path.of(".");
        long replayEvents = 0;
        long storedIdeas = 0;
        int apiRequests = 200;
        int slackRequests = 300;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--no-baseline")) {
                baseline = false;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Unknown option or missing value: " + name);
            }
            String value = args[++i];
            switch (name) {
                case "--rate" -> rate = Double.parseDouble(value);
                case "--duration" -> duration = duration(value);
                case "--warmup" -> warmup = duration(value);
                case "--drain" -> drain = duration(value);
                case "--users" -> users = List.of(value.split(","));
                case "--intake-url" -> intakeUrl = value;
                case "--bootstrap-servers" -> bootstrapServers = value;
                case "--partitions" -> partitions = Integer.parseInt(value);
                case "--results" -> results = Path.of(value);
                case "--project-dir" -> projectDir = Path.of(value);
                case "--replay-events" -> replayEvents = Long.parseLong(value);
                case "--stored-ideas" -> storedIdeas = Long.parseLong(value);
                case "--api-requests" -> apiRequests = Integer.parseInt(value);
                case "--slack-requests" -> slackRequests = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("Unknown option " + name);
            }
        }
        return new Options(rate, duration, warmup, drain, users, intakeUrl, bootstrapServers, partitions, baseline,
                results, projectDir, replayEvents, storedIdeas, apiRequests, slackRequests);
    }

    /** {@code 30} (seconds), {@code 30s}, {@code 500ms} or {@code 2m}. */
    static Duration duration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            if (value.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(value));
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException("Not a duration: '" + text + "' (use 30, 30s, 500ms or 2m)", ex);
        }
    }

    boolean externalStack() {
        return this.intakeUrl != null;
    }
}
