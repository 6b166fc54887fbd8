package org.suggestionbox.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.localstack.LocalStack;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code benchmarks/run.sh}'s command line: reads the {@link Options}, prints {@code --help}, and refuses a
 * bad option with its name, the reason and exit status 2 before anything starts.
 */
@Command(
        name = "benchmarks/run.sh",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Drives intake's API open-loop at a constant rate and measures acknowledgement and "
                + "submit -> delivered latency, then a raw Kafka baseline on the same broker.",
        footer = {
            "",
            "Without --intake-url/--bootstrap-servers a whole stack is started on free ports in a temp dir.",
            "--slack-requests, --replay-events and --stored-ideas run after the load; the last two only on the "
                    + "stack the benchmark started.",
            "Durations: 30 (seconds), 30s, 500ms, 2m."
        })
final class BenchmarkCommand implements Callable<Integer> {

    private final ToIntFunction<Options> benchmark;

    @Spec
    @SuppressWarnings("NullAway.Init")
    private CommandSpec spec;

    @Option(
            names = "--rate",
            paramLabel = "PER_SECOND",
            defaultValue = "100",
            description = "Intended ideas (and baseline records) per second (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            defaultValue = "30s",
            description = "How long the measured phase lasts (default: ${DEFAULT-VALUE}).")
    private Duration duration = Duration.ZERO;

    @Option(
            names = "--warmup",
            paramLabel = "DURATION",
            defaultValue = "5s",
            description = "How long load runs before measuring (default: ${DEFAULT-VALUE}).")
    private Duration warmup = Duration.ZERO;

    @Option(
            names = "--drain",
            paramLabel = "DURATION",
            defaultValue = "60s",
            description =
                    "How long to wait after the last send for outstanding deliveries (default: ${DEFAULT-VALUE}).")
    private Duration drain = Duration.ZERO;

    @Option(
            names = "--users",
            paramLabel = "USER",
            split = ",",
            defaultValue = "alice,noa,piotr,jan,lea",
            description = "Demo users submitting in turn, password demo (default: ${DEFAULT-VALUE}).")
    private List<String> users = List.of();

    @Option(
            names = "--partitions",
            paramLabel = "N",
            defaultValue = "3",
            description = "Partitions of the baseline topic (default: ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(names = "--no-baseline", description = "Skip the raw Kafka baseline.")
    private boolean noBaseline;

    @Option(
            names = "--results",
            paramLabel = "FILE",
            defaultValue = "benchmarks/results/latest.md",
            description = "The markdown file the results are written to (default: ${DEFAULT-VALUE}).")
    private Path results = Path.of("");

    @Option(
            names = "--project-dir",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "The repository root holding the services' executable jars (default: ${DEFAULT-VALUE}).")
    private Path projectDir = Path.of("");

    @Option(
            names = "--slack-requests",
            paramLabel = "N",
            defaultValue = "300",
            description = "Signed /idea slash commands timed after the load, 20 a second, signed with the started "
                    + "stack's SLACK_SIGNING_SECRET, else $SLACK_SIGNING_SECRET or .local-stack/secrets.properties "
                    + "(default: ${DEFAULT-VALUE}; 0: none).")
    private int slackRequests;

    @Option(
            names = "--replay-events",
            paramLabel = "N",
            defaultValue = "0",
            description = "IdeaSubmitted records the router replays into an empty store after the load "
                    + "(default: ${DEFAULT-VALUE}: no replay).")
    private long replayEvents;

    @Option(
            names = "--stored-ideas",
            paramLabel = "N",
            defaultValue = "0",
            description = "Ideas stored when the queue and dashboard latency is measured (default: ${DEFAULT-VALUE}: "
                    + "not measured).")
    private long storedIdeas;

    @Option(
            names = "--mongo-in-memory",
            description = "The MongoDB-wire server keeps its data in memory instead of its H2 file: measures the "
                    + "services with a store that costs less CPU per write than the file (default: the file, as the "
                    + "local stack runs it).")
    private boolean mongoInMemory;

    @Option(
            names = "--api-requests",
            paramLabel = "N",
            defaultValue = "200",
            description = "Requests timed for each of the queue and the dashboard (default: ${DEFAULT-VALUE}).")
    private int apiRequests;

    @Option(
            names = "--cpu-report",
            description = "Before the load, leave the started stack alone for --settle, then measure each process's "
                    + "idle CPU for as long as the measured phase; "
                    + "report per process CPU-ms per idea (CPU from the measured start until every idea is "
                    + "delivered, minus idle CPU for as long, divided by the measured ideas), its idle share of a "
                    + "core and its highest RSS during the load.")
    private boolean cpuReport;

    @Option(
            names = "--settle",
            paramLabel = "DURATION",
            defaultValue = "60s",
            description = "With --cpu-report, how long the healthy stack is left alone before its idle CPU is "
                    + "measured, so the JIT's start-up compilations and the services' first scheduled runs are over "
                    + "(default: ${DEFAULT-VALUE}).")
    private Duration settle = Duration.ZERO;

    @Option(
            names = "--profile",
            description = "Record JFR (settings=profile) in every child JVM during the measured load, and during the "
                    + "replay with --replay-events; keep the recordings under benchmarks/results/jfr/<run>/ (the "
                    + "replay's in replay/) and write each process's top 15 frames (jdk.ExecutionSample, top of "
                    + "stack) into the results.")
    private boolean profile;

    @Option(
            names = "--service-jvm-options",
            paramLabel = "OPTIONS",
            defaultValue = LocalStack.SERVICE_JVM_OPTIONS,
            description = "The services' heap, GC and any other JVM options, split on spaces (default: the local "
                    + "stack's, ${DEFAULT-VALUE}); headless mode and the lifted submission limits are always added. "
                    + "Give it as --service-jvm-options=\"...\".")
    private String serviceJvmOptions = "";

    @Option(
            names = "--intake-url",
            paramLabel = "URL",
            description = "An already running intake; with --bootstrap-servers, no stack is started.")
    private @Nullable String intakeUrl;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "The running stack's Kafka.")
    private @Nullable String bootstrapServers;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    private boolean help;

    private BenchmarkCommand(ToIntFunction<Options> benchmark) {
        this.benchmark = benchmark;
    }

    /**
     * The command line that runs the benchmark with the options it reads; its {@code execute} answers 2
     * for a bad option, 0 after {@code --help}, else the benchmark's status. An option given twice counts
     * the last time ({@code run.sh} passes {@code --project-dir .} before the caller's arguments).
     */
    static CommandLine commandLine(ToIntFunction<Options> benchmark) {
        return new CommandLine(new BenchmarkCommand(benchmark))
                .setOverwrittenOptionsAllowed(true)
                .registerConverter(Duration.class, BenchmarkCommand::duration);
    }

    /**
     * The options of a command line.
     *
     * @throws ParameterException for an unknown option, a missing or malformed value, or values that do
     * not go together; the message names the option
     */
    static Options parse(String... args) {
        CommandLine commandLine = commandLine(options -> 0);
        commandLine.parseArgs(args);
        return commandLine.<BenchmarkCommand>getCommand().options();
    }

    @Override
    public Integer call() {
        return this.benchmark.applyAsInt(options());
    }

    private Options options() {
        try {
            return new Options(
                    this.rate,
                    this.duration,
                    this.warmup,
                    this.drain,
                    this.users,
                    this.intakeUrl,
                    this.bootstrapServers,
                    this.partitions,
                    !this.noBaseline,
                    this.results,
                    this.projectDir,
                    this.replayEvents,
                    this.storedIdeas,
                    this.mongoInMemory,
                    this.apiRequests,
                    this.slackRequests,
                    this.cpuReport,
                    this.settle,
                    this.profile,
                    List.of(this.serviceJvmOptions.strip().split("\\s+")));
        } catch (IllegalArgumentException ex) {
            throw new ParameterException(this.spec.commandLine(), ex.getMessage(), ex);
        }
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
        } catch (NumberFormatException ex) {
            throw new TypeConversionException("Not a duration: '" + text + "' (use 30, 30s, 500ms or 2m)");
        }
    }
}
