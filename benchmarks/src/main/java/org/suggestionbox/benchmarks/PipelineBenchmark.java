package org.suggestionbox.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.suggestionbox.localstack.LocalSecrets;
import org.suggestionbox.localstack.LocalStack;
import org.suggestionbox.localstack.Ports;

/**
 * The pipeline benchmark (issue #6): starts a whole stack on free ports in a temp directory (or uses a
 * running one), drives intake's {@code POST /api/ideas} open-loop at a constant rate, measures the API
 * acknowledgement and the submit → delivered latency of the submitter's "received and routed" message,
 * then a raw Kafka produce → consume baseline at the same rate with records of the same size on the
 * same broker. Prints a markdown table and writes it to {@code benchmarks/results/latest.md}.
 *
 * <p>Run with {@code benchmarks/run.sh [options]}; {@code --help} lists the options.
 */
public final class PipelineBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineBenchmark.class);

    /**
     * Service JVM options every measurement adds to {@code --service-jvm-options} (by default the local stack's
     * serial GC with a 512 MB heap, and the full JIT: the local stack stops at C1 to start faster, which costs
     * throughput under load): headless, and the per-person and global submission limits lifted for the load (the
     * global one, 600 a minute, would refuse everything above 10 ideas a second).
     */
    static final List<String> LOAD_JVM_OPTIONS = List.of(
            "-Djava.awt.headless=true",
            "-Dsuggestionbox.intake.rate-limit=1000000000",
            "-Dsuggestionbox.intake.global-rate-limit.limit=1000000000");

    private static final int FALLBACK_RECORD_SIZE = 700;

    private final Options options;

    private PipelineBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        System.exit(BenchmarkCommand.commandLine(options -> new PipelineBenchmark(options).run())
                .execute(args));
    }

    private List<String> serviceJvmOptions() {
        return Stream.concat(this.options.serviceJvmOptions().stream(), LOAD_JVM_OPTIONS.stream())
                .toList();
    }

    private int run() {
        String loadAverageBefore = loadAverage();
        LocalStack stack = null;
        try {
            String intakeUrl;
            String bootstrapServers;
            Map<String, Long> childPids = Map.of();
            if (this.options.externalStack()) {
                intakeUrl = Objects.requireNonNull(this.options.intakeUrl());
                bootstrapServers = Objects.requireNonNull(this.options.bootstrapServers());
            } else {
                Path dataDir = Files.createTempDirectory("suggestionbox-benchmark-");
                stack = LocalStack.builder()
                        .dataDir(dataDir)
                        .projectDir(this.options.projectDir())
                        .ports(Ports.random())
                        .demoData(false)
                        .serviceJvmOptions(serviceJvmOptions())
                        .mongoInMemory(this.options.mongoInMemory())
                        .mongoCacheMegabytes(MONGO_CACHE_MEGABYTES)
                        .mongoHeapMegabytes(mongoHeapMegabytes(this.options))
                        .standInProcesses(true)
                        // on a machine busy with other work, four Spring Boot JVMs starting together need longer;
                        // with many ideas stored the router's restart reads all of them into its search index
                        .healthTimeout(Duration.ofMinutes(6 + this.options.storedIdeas() / 50_000))
                        .build();
                LOG.info("Starting the stack in {}", dataDir);
                stack.start();
                LOG.info("Stack up: {}", stack.timings());
                intakeUrl = stack.intakeUrl();
                bootstrapServers = stack.kafkaBootstrapServers();
                childPids = stack.childProcessIds();
            }
            return measure(intakeUrl, bootstrapServers, childPids, stack, loadAverageBefore);
        } catch (IOException | RuntimeException ex) {
            LOG.error("Benchmark failed", ex);
            return 1;
        } finally {
            if (stack != null) {
                stack.close();
                deleteAllBut(stack.logsDir(), stack.dataDir());
            }
        }
    }

    /**
     * Deletes the stack's data, keeping its logs (in {@code logs}, below {@code dataDir}): the MongoDB-wire file of a
     * run with a million ideas stored is over 10 GB, and the runs of one afternoon filled this machine's disk.
     */
    static void deleteAllBut(Path logs, Path dataDir) {
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder())
                    .filter(path -> !path.startsWith(logs) && !path.equals(dataDir))
                    .forEach(path -> {
                        try {
                            Files.delete(path);
                        } catch (IOException ex) {
                            LOG.warn("Could not delete {}: {}", path, ex.getMessage());
                        }
                    });
            LOG.info("Deleted the stack's data; its logs are in {}", logs);
        } catch (IOException ex) {
            LOG.warn("Could not delete the stack's data in {}: {}", dataDir, ex.getMessage());
        }
    }

    private int measure(
            String intakeUrl,
            String bootstrapServers,
            Map<String, Long> childPids,
            @Nullable LocalStack stack,
            String loadAverageBefore)
            throws IOException {
        Options o = this.options;
        DeliveryLedger ledger = new DeliveryLedger();
        PipelineLoad load = new PipelineLoad(intakeUrl, o.users());
        OpenLoopSchedule schedule;
        long warmupCount;
        long measuredCount;
        long measuredStart;
        AtomicReference<Map<String, Duration>> cpuBefore = new AtomicReference<>(Map.of());
        Map<String, Duration> cpuAfter;
        long watcherMalformed;
        long watcherFailed;
        Histogram delivered = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
        int undelivered = 0;
        CpuReport.@Nullable Window idle = null;
        if (o.cpuReport()) {
            // right after the start the JIT is still compiling and the first scheduled runs are due: not idle yet
            LOG.info(
                    "Leaving the stack alone for {} s, then measuring idle CPU for {} s before the load",
                    o.settle().toSeconds(),
                    o.duration().toSeconds());
            LockSupport.parkNanos(o.settle().toNanos());
            Map<String, Duration> idleStart = CpuUsage.snapshot(childPids);
            LockSupport.parkNanos(o.duration().toNanos());
            idle = new CpuReport.Window(idleStart, CpuUsage.snapshot(childPids));
        }
        Path jfrDirectory = jfrDirectory();
        JfrProfiles profiles = null;
        if (o.profile()) {
            profiles = new JfrProfiles(jfrDirectory, childPids);
            LOG.info("Starting JFR in {} processes", childPids.size());
            profiles.start();
        }
        AtomicReference<Instant> measuredStartInstant = new AtomicReference<>(Instant.now());
        AtomicReference<@Nullable RssSampler> rss = new AtomicReference<>();
        Map<String, Duration> cpuDelivered = Map.of();
        AtomicReference<@Nullable StoreOperations> storeBefore = new AtomicReference<>();
        @Nullable StoreOperations storeDelivered = null;
        AtomicReference<@Nullable KafkaRequests> kafkaBefore = new AtomicReference<>();
        @Nullable KafkaRequests kafkaDelivered = null;
        long deliveredNanos;
        try (DeliveryWatcher watcher = new DeliveryWatcher(bootstrapServers, ledger)) {
            schedule = new OpenLoopSchedule(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200), o.rate());
            warmupCount = schedule.count(o.warmup());
            measuredCount = schedule.count(o.duration());
            measuredStart = schedule.intendedNanos(warmupCount);
            Thread.ofPlatform().name("cpu-at-measured-start").daemon().start(() -> {
                long wait;
                while ((wait = measuredStart - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                cpuBefore.set(CpuUsage.snapshot(childPids));
                measuredStartInstant.set(Instant.now());
                if (stack != null && o.cpuReport()) {
                    rss.set(new RssSampler(() -> residentMemory(stack)));
                    storeBefore.set(StoreOperations.read(stack.mongoUri()));
                    kafkaBefore.set(KafkaRequests.read(stack));
                }
            });
            LOG.info("Load: {} ideas/s, {} warm-up + {} measured submissions", o.rate(), warmupCount, measuredCount);
            load.run(schedule, warmupCount, measuredCount);
            cpuAfter = CpuUsage.snapshot(childPids);
            long loadEnd = System.nanoTime();
            Map<String, Long> intended = load.intendedByIdea();
            LOG.info(
                    "Load done; waiting up to {} s for {} deliveries", o.drain().toSeconds(), intended.size());
            long drainDeadline = loadEnd + o.drain().toNanos();
            while (ledger.ideasDelivered() < intended.size() && System.nanoTime() < drainDeadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            cpuDelivered = CpuUsage.snapshot(childPids);
            deliveredNanos = System.nanoTime();
            if (stack != null && o.cpuReport()) {
                storeDelivered = StoreOperations.read(stack.mongoUri());
                kafkaDelivered = KafkaRequests.read(stack);
            }
            RssSampler sampler = rss.get();
            if (sampler != null) {
                sampler.close();
            }
            // late duplicates (a redelivery) would show up shortly after
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
            for (String ideaId : load.measuredIdeas()) {
                OptionalLong at = ledger.firstDelivery(ideaId);
                if (at.isPresent()) {
                    delivered.recordValue(
                            Math.max(0, (at.getAsLong() - Objects.requireNonNull(intended.get(ideaId))) / 1000));
                } else {
                    undelivered++;
                }
            }
            watcherMalformed = watcher.malformed();
            watcherFailed = watcher.failed();
        }
        Duration measuredWall = Duration.ofNanos(load.sendsDoneNanos() - measuredStart);
        Map<String, String> cpu = CpuUsage.between(
                Objects.requireNonNull(cpuBefore.get()),
                cpuAfter,
                Duration.ofNanos(Math.max(1, load.lastMeasuredResponseNanos() - measuredStart)));

        Map<String, Path> recordings = Map.of();
        if (profiles != null) {
            LOG.info("Stopping JFR");
            recordings = profiles.stop();
        }
        CpuReport cpuReport = null;
        if (idle != null) {
            RssSampler sampler = rss.get();
            cpuReport = new CpuReport(
                    idle,
                    o.duration(),
                    new CpuReport.Window(Objects.requireNonNull(cpuBefore.get()), cpuDelivered),
                    Duration.ofNanos(Math.max(1, deliveredNanos - measuredStart)),
                    load.measuredAccepted(),
                    sampler == null ? Map.of() : sampler.max());
        }

        int recordSize = RecordSize.ofLatestSubmission(bootstrapServers).orElse(FALLBACK_RECORD_SIZE);
        int servicePartitions = RecordSize.partitions(bootstrapServers, RecordSize.TOPIC);
        RawKafkaBaseline.Result baseline = null;
        if (o.baseline()) {
            LOG.info("Raw Kafka baseline: {} records/s of {} bytes", o.rate(), recordSize);
            baseline = new RawKafkaBaseline(bootstrapServers, o.partitions(), recordSize)
                    .run(o.rate(), o.warmup(), o.duration(), o.drain());
        }

        SlackAcknowledgement.Result slack = null;
        if (o.slackRequests() > 0) {
            LOG.info("Slack: {} signed /idea slash commands, 20 a second", o.slackRequests());
            slack = new SlackAcknowledgement(intakeUrl, slackSigningSecret(stack)).run(o.slackRequests(), 20);
        }
        RouterReplay.Result replay = null;
        if (o.replayEvents() > 0 && stack != null) {
            replay = new RouterReplay(stack)
                    .run(o.replayEvents(), Duration.ofMinutes(30), o.profile() ? jfrDirectory.resolve("replay") : null);
        }
        StoredIdeasLatency.Result stored = null;
        if (o.storedIdeas() > 0 && stack != null) {
            LocalStack running = stack;
            stored = new StoredIdeasLatency(
                            stack.routerUrl(),
                            stack.mongoUri(),
                            () -> {
                                running.kill(RouterReplay.ROUTER);
                                running.restart(RouterReplay.ROUTER);
                            },
                            stack.logsDir().resolve(RouterReplay.ROUTER + ".log"))
                    .run(o.storedIdeas(), o.apiRequests());
        }

        Report report = report(
                load,
                ledger,
                delivered,
                undelivered,
                baseline,
                recordSize,
                servicePartitions,
                cpu,
                measuredWall,
                measuredCount,
                watcherMalformed,
                watcherFailed,
                stack,
                loadAverageBefore);
        if (slack != null) {
            report.row(
                    "Slack acknowledgement (signed /idea → HTTP answer), 20/s after the load",
                    Report.requestPercentiles(slack.micros()) + "; statuses " + slack.statuses());
        }
        addReplay(report, replay);
        addStored(report, stored);
        if (cpuReport != null) {
            cpuReport.lines().forEach((process, line) -> report.row("CPU per idea: " + process, line));
            Map<String, String> store =
                    StoreOperations.perIdea(storeBefore.get(), storeDelivered, load.measuredAccepted());
            store.forEach((operation, line) -> report.row("MongoDB-wire per idea: " + operation, line));
            if (!store.isEmpty()) {
                report.note("MongoDB-wire per idea (--cpu-report): the commands the local stack's MongoDB-wire server "
                        + "was sent from the measured start until every idea was delivered, and the documents they "
                        + "wrote (inserted documents, update and delete statements), divided by the ideas accepted in "
                        + "the measured phase; scheduled work in that time included; operations sent and writing "
                        + "less than once per hundred ideas left out of the list, not of the total.");
            }
            Map<String, String> kafka =
                    KafkaRequests.perIdea(kafkaBefore.get(), kafkaDelivered, load.measuredAccepted());
            kafka.forEach((kind, line) -> report.row("Kafka requests per idea: " + kind, line));
            if (!kafka.isEmpty()) {
                report.note("Kafka requests per idea (--cpu-report): the requests the broker handled from the measured "
                        + "start until every idea was delivered, by kind, as its own request metrics count them "
                        + "(the benchmark's consumer and idle polls included), divided by the ideas accepted in the "
                        + "measured phase; kinds handled less than once per hundred ideas left out of the list, not "
                        + "of the total.");
            }
            report.note("CPU per idea (--cpu-report): a process's CPU from the measured start until every idea was "
                    + "delivered, minus its idle CPU rate (measured for "
                    + o.duration().toSeconds()
                    + " s before the load, after the healthy stack had been left alone for "
                    + o.settle().toSeconds()
                    + " s) times that time, divided by the ideas accepted in the measured phase; "
                    + "max RSS sampled every 0.5 s during the load."
                    + (o.profile() ? " JFR was recording meanwhile (--profile), which adds its own CPU." : ""));
        }
        if (stack != null) {
            stack.timings().entrySet().stream()
                    .filter(timing -> LocalStack.SERVICES.contains(timing.getKey())
                            || timing.getKey().equals(LocalStack.SIGN_IN_PROVIDER))
                    .forEach(timing -> report.row(
                            "start to healthy: " + timing.getKey() + " (all started together)",
                            String.format(
                                    Locale.ROOT, "%.1f s", timing.getValue().toMillis() / 1000.0)));
        }
        String markdown = report.markdown()
                + (recordings.isEmpty()
                        ? ""
                        : JfrProfiles.markdown(
                                recordings,
                                "the measured load",
                                resultsDirectory(),
                                15,
                                Objects.requireNonNull(measuredStartInstant.get())))
                + (replay == null || replay.recordings().isEmpty()
                        ? ""
                        : JfrProfiles.markdown(
                                replay.recordings(), "the replay", resultsDirectory(), 15, Instant.EPOCH));
        System.out.println();
        System.out.println(markdown);
        Path results = o.results().toAbsolutePath();
        Files.createDirectories(results.getParent());
        Files.writeString(results, markdown, StandardCharsets.UTF_8);
        LOG.info("Results written to {}", results);
        boolean clean = undelivered == 0
                && ledger.duplicates() == 0
                && load.errorsByStatus().isEmpty()
                && (baseline == null || (baseline.lost() == 0 && baseline.duplicates() == 0))
                && (replay == null || replay.stored() == replay.events())
                && (slack == null || slack.statuses().keySet().equals(Set.of(200)));
        return clean ? 0 : 1;
    }

    /**
     * The signing secret intake runs with: the one the started stack generated; for a running stack,
     * {@code SLACK_SIGNING_SECRET} if set, else the one {@code ./local-stack.sh} generated into
     * {@code <project dir>/.local-stack/secrets.properties}.
     */
    private String slackSigningSecret(@Nullable LocalStack stack) {
        if (stack != null) {
            return stack.secrets().get(LocalSecrets.SLACK_SIGNING_SECRET);
        }
        String variable = System.getenv(LocalSecrets.SLACK_SIGNING_SECRET);
        if (variable != null && !variable.isBlank()) {
            return variable;
        }
        return LocalSecrets.loadOrCreate(this.options.projectDir().resolve(".local-stack"))
                .get(LocalSecrets.SLACK_SIGNING_SECRET);
    }

    private Report report(
            PipelineLoad load,
            DeliveryLedger ledger,
            Histogram delivered,
            int undelivered,
            RawKafkaBaseline.@Nullable Result baseline,
            int recordSize,
            int servicePartitions,
            Map<String, String> cpu,
            Duration measuredWall,
            long measuredCount,
            long watcherMalformed,
            long watcherFailed,
            @Nullable LocalStack stack,
            String loadAverageBefore) {
        Options o = this.options;
        var os = ManagementFactory.getOperatingSystemMXBean();
        long memoryMb = os instanceof com.sun.management.OperatingSystemMXBean sun
                ? sun.getTotalMemorySize() / (1024 * 1024)
                : -1;
        Report report = new Report("Pipeline benchmark — " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        report.row(
                "machine",
                String.format(
                        Locale.ROOT,
                        "%d cores, %d MB RAM, %s %s, Java %s (%s)",
                        Runtime.getRuntime().availableProcessors(),
                        memoryMb,
                        System.getProperty("os.name"),
                        System.getProperty("os.arch"),
                        Runtime.version(),
                        System.getProperty("java.vm.name")));
        report.row("load average (1/5/15 min) before → after", loadAverageBefore + " → " + loadAverage());
        report.row(
                "stack",
                stack == null
                        ? "external: " + o.intakeUrl() + ", Kafka " + o.bootstrapServers()
                        : "LocalStack on free ports: Kafka (KRaft, 1 broker) + MongoDB-wire ("
                                + (o.mongoInMemory() ? "in memory" : "H2 file")
                                + ") + GreenMail, each in its own JVM; 1 instance each of intake, router, notifier");
        report.row("service JVM options", stack == null ? "n/a" : String.join(" ", serviceJvmOptions()));
        report.row(
                "knobs",
                String.format(
                        Locale.ROOT,
                        "rate %s/s, duration %d s, warm-up %d s, %d users (Basic auth), service topics %d partitions, "
                                + "baseline topic %d partitions, producers acks=all + idempotent, linger.ms 5 (Kafka client "
                                + "default, not overridden)",
                        fmt(o.rate()),
                        o.duration().toSeconds(),
                        o.warmup().toSeconds(),
                        o.users().size(),
                        servicePartitions,
                        o.partitions()));
        double sentRate = load.measuredSent() / (measuredWall.toNanos() / 1e9);
        report.row(
                "intended vs achieved rate",
                String.format(
                        Locale.ROOT,
                        "%s/s intended (%d submissions); sent %.1f/s; accepted %d (202)",
                        fmt(o.rate()),
                        measuredCount,
                        sentRate,
                        load.measuredAccepted()));
        report.row("API acknowledgement (POST /api/ideas → 202)", Report.percentiles(load.ackLatencyMicros()));
        report.row("errors by status", load.errorsByStatus().isEmpty() ? "none" : load.errorsByStatus());
        report.row("submit → delivered (IdeaAssigned to submitter, first channel)", Report.percentiles(delivered));
        report.row("not delivered within drain (" + o.drain().toSeconds() + " s)", undelivered);
        report.row(
                "ideas delivered by the end of the drain, warm-up included",
                ledger.ideasDelivered() + " of " + load.intendedByIdea().size() + " accepted");
        report.row(
                "duplicates (same idea + channel delivered twice)",
                ledger.duplicates()
                        + (ledger.duplicates() == 0
                                ? ""
                                : " in " + ledger.duplicatedIdeas().size() + " ideas"));
        report.row(
                "NotificationFailed for those messages / unreadable records", watcherFailed + " / " + watcherMalformed);
        if (baseline != null) {
            report.row(
                    "raw Kafka baseline (produce → consume, " + recordSize + " B records)",
                    Report.percentiles(baseline.latencyMicros()));
            report.row(
                    "baseline sent / lost / duplicates / send errors",
                    baseline.sent() + " / " + baseline.lost() + " / " + baseline.duplicates() + " / "
                            + baseline.sendErrors());
            report.row(
                    "ratio pipeline ÷ raw",
                    "p50 " + Report.ratio(delivered, baseline.latencyMicros(), 50) + ", p99 "
                            + Report.ratio(delivered, baseline.latencyMicros(), 99));
        } else {
            report.row("raw Kafka baseline", "skipped (--no-baseline)");
        }
        cpu.forEach((process, usage) -> report.row("CPU during measured load: " + process, usage));
        report.note("Latencies run from each submission's intended send time (open loop, coordinated-omission safe), "
                + "kept in the benchmark's memory by idea id; the events' own ce_time/occurredAt is set by intake "
                + "after the request arrived, so it would hide queueing before intake.");
        report.note("Delivered = the benchmark's consumer read the submitter's NotificationDelivered "
                + "(sourceEventType IdeaAssigned) on notifications.delivered.v1; the first channel counts.");
        report.note("CPU: the child processes' CPU time from ProcessHandle, this JVM's from the OperatingSystemMXBean; "
                + "the MongoDB-wire server (mongo) and the SMTP capture with its mail viewer (smtp) run in "
                + "their own JVMs when the benchmark starts the stack.");
        report.note("The baseline runs after the pipeline phase, on the same broker, at the same rate and duration.");
        report.note("Reproduce: " + reproduce(o));
        return report;
    }

    /**
     * The command that runs this benchmark again: every knob that shapes the load and what is measured, and against a
     * running stack its addresses instead of the services' JVM options.
     */
    static String reproduce(Options o) {
        Options defaults = BenchmarkCommand.parse();
        return "benchmarks/run.sh --rate " + fmt(o.rate()) + " --duration "
                + o.duration().toSeconds()
                + "s --warmup " + o.warmup().toSeconds() + "s"
                + (o.drain().equals(defaults.drain())
                        ? ""
                        : " --drain " + o.drain().toSeconds() + "s")
                + (o.users().equals(defaults.users()) ? "" : " --users " + String.join(",", o.users()))
                + " --slack-requests " + o.slackRequests()
                + (o.baseline() ? "" : " --no-baseline")
                + (o.baseline() && o.partitions() != defaults.partitions() ? " --partitions " + o.partitions() : "")
                + (o.cpuReport() ? " --cpu-report --settle " + o.settle().toSeconds() + "s" : "")
                + (o.profile() ? " --profile" : "")
                + (o.replayEvents() > 0 ? " --replay-events " + o.replayEvents() : "")
                + (o.mongoInMemory() ? " --mongo-in-memory" : "")
                + (o.storedIdeas() > 0
                        ? " --stored-ideas " + o.storedIdeas() + " --api-requests " + o.apiRequests()
                        : "")
                + (o.externalStack()
                        ? " --intake-url " + o.intakeUrl() + " --bootstrap-servers " + o.bootstrapServers()
                        : " --service-jvm-options=\"" + String.join(" ", o.serviceJvmOptions()) + "\"");
    }

    private static void addReplay(Report report, RouterReplay.@Nullable Result replay) {
        if (replay == null) {
            return;
        }
        report.row(
                "router replay (empty store, consumer group rewound)",
                String.format(
                        Locale.ROOT,
                        "%d of %d IdeaSubmitted stored in %.1f s: %.0f events/s (first stored %.1f s after the restart)",
                        replay.stored(),
                        replay.events(),
                        replay.replay().toMillis() / 1000.0,
                        replay.eventsPerSecond(),
                        replay.startup().toMillis() / 1000.0));
        report.row(
                "router replay: CPU-ms per event, by process (pipeline caught up with the copies first, "
                        + replay.caughtUp().toSeconds()
                        + " s"
                        + (replay.recordings().isEmpty() ? "" : "; JFR recording meanwhile, which adds its own CPU")
                        + ")",
                replay.cpu().keySet().stream()
                        .map(process ->
                                String.format(Locale.ROOT, "%s %.2f", process, replay.cpuMillisPerEvent(process)))
                        .collect(Collectors.joining(", ")));
        replay.store()
                .forEach((operation, line) ->
                        report.row("router replay: MongoDB-wire per idea stored: " + operation, line));
        replay.kafka()
                .forEach((kind, line) -> report.row("router replay: Kafka requests per idea stored: " + kind, line));
    }

    private static void addStored(Report report, StoredIdeasLatency.@Nullable Result stored) {
        if (stored == null) {
            return;
        }
        report.row(
                "ideas stored for the API latencies",
                String.format(
                        Locale.ROOT,
                        "%d (%d copies inserted in %d s); maya's queue holds %d (counted up to 200)",
                        stored.stored(),
                        stored.inserted(),
                        stored.insertTime().toSeconds(),
                        stored.queueItems()));
        report.row(
                "router restart with them stored: healthy / similar-ideas index rebuilt (in the background)",
                String.format(
                        Locale.ROOT,
                        "%.1f s / %.1f s",
                        stored.routerHealthy().toMillis() / 1000.0,
                        stored.indexRebuilt().toMillis() / 1000.0));
        report.row(
                "owner queue GET /api/queue (maya, first page of 50)", Report.requestPercentiles(stored.queueMicros()));
        report.row(
                "dashboard GET /api/dashboard (lea), one at a time",
                Report.requestPercentiles(stored.dashboardMicros()));
    }

    /** {@code <results dir>/jfr/<run>/}, the run named by its start time. */
    private Path jfrDirectory() {
        String run = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "");
        return resultsDirectory().resolve("jfr").resolve(run);
    }

    private Path resultsDirectory() {
        Path results = this.options.results().toAbsolutePath();
        Path parent = results.getParent();
        return parent == null ? results : parent;
    }

    /** The stack's processes' resident memory, this JVM under the name CPU usage gives it. */
    private static Map<String, Long> residentMemory(LocalStack stack) {
        Map<String, Long> memory = new LinkedHashMap<>();
        stack.residentMemoryMegabytes()
                .forEach((name, mb) -> memory.put(name.equals("launcher") ? CpuUsage.BENCHMARK : name, mb));
        return memory;
    }

    private static String fmt(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + "/" + parts[1] + "/" + parts[2];
        } catch (IOException | RuntimeException ex) {
            return String.format(
                    Locale.ROOT,
                    "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /**
     * The MongoDB-wire server's page cache: pages written, and those full scans read. Documents found by id or by
     * index come from the server's own copy of every document in memory, so a larger cache only holds them twice.
     */
    static final int MONGO_CACHE_MEGABYTES = 256;

    /** Heap the MongoDB-wire server needs per stored idea, a copy of a routed one, in its in-memory copy. */
    static final int MONGO_KILOBYTES_PER_IDEA = 16;

    /**
     * Heap the MongoDB-wire server keeps per idea the load sends through the pipeline: the idea and its roll-ups,
     * its deliveries, inbox entries, processed-event marks and proofs. About 40 KB were live after each full
     * collection at 50 ideas/s (JFR, 2026-12-04); sized for less, a run of 18,000 ideas spent its measured minute
     * in full collections of 1.4 s every 3 s.
     */
    static final int MONGO_KILOBYTES_PER_LOAD_IDEA = 48;

    /** The MongoDB-wire server's heap: the page cache, room for the requests, every idea of the load, every stored one. */
    static int mongoHeapMegabytes(Options options) {
        return 2 * MONGO_CACHE_MEGABYTES
                + 768
                + (int) ((loadIdeas(options) * MONGO_KILOBYTES_PER_LOAD_IDEA
                                + options.storedIdeas() * MONGO_KILOBYTES_PER_IDEA)
                        / 1024);
    }

    /** The ideas the load and the replay's copies send through the pipeline, warm-up included. */
    private static long loadIdeas(Options options) {
        return (long) Math.ceil(options.rate()
                        * (options.warmup().toSeconds() + options.duration().toSeconds()))
                + options.replayEvents();
    }
}
