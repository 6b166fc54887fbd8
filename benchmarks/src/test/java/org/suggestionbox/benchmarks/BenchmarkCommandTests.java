package org.suggestionbox.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

class BenchmarkCommandTests {

    @Test
    void defaultsAreOneHundredIdeasPerSecondForThirtySecondsAfterFiveSecondsOfWarmUpOnAFreshStack() {
        Options options = BenchmarkCommand.parse();

        assertThat(options.rate()).isEqualTo(100);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.drain()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.users()).containsExactly("alice", "noa", "piotr", "jan", "lea");
        assertThat(options.partitions()).isEqualTo(3);
        assertThat(options.externalStack()).isFalse();
        assertThat(options.baseline()).isTrue();
        assertThat(options.results()).isEqualTo(Path.of("benchmarks", "results", "latest.md"));
        assertThat(options.projectDir()).isEqualTo(Path.of("."));
        assertThat(options.slackRequests()).isEqualTo(300);
        assertThat(options.apiRequests()).isEqualTo(200);
        assertThat(options.serviceJvmOptions())
                .containsExactly("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        assertThat(options.cpuReport()).isFalse();
        assertThat(options.settle()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.mongoInMemory()).isFalse();
    }

    @Test
    void theMongoWireServerKeepsItsDataInMemoryOnlyWhenAskedAndOnlyInTheStackItStarts() {
        assertThat(BenchmarkCommand.parse("--mongo-in-memory").mongoInMemory()).isTrue();
        assertRefused(
                "--cpu-report, --profile and --mongo-in-memory need the stack the benchmark starts",
                "--mongo-in-memory",
                "--intake-url",
                "http://localhost:8081",
                "--bootstrap-servers",
                "localhost:9092");
    }

    @Test
    void idleCpuIsMeasuredAfterTheStackWasLeftAloneForTheSettleTime() {
        Options options = BenchmarkCommand.parse("--cpu-report", "--settle", "2m");

        assertThat(options.cpuReport()).isTrue();
        assertThat(options.settle()).isEqualTo(Duration.ofMinutes(2));
        assertRefused("--settle must not be negative", "--settle", "-1");
    }

    @Test
    void theResultsNameTheCommandThatRunsTheSameBenchmarkAgain() {
        String[] ownStack = {
            "--rate",
            "200",
            "--duration",
            "60s",
            "--warmup",
            "30s",
            "--slack-requests",
            "0",
            "--no-baseline",
            "--cpu-report",
            "--settle",
            "30s",
            "--service-jvm-options=-Xmx96m -XX:+UseSerialGC"
        };
        String[] runningStack = {
            "--intake-url",
            "http://localhost:8081",
            "--bootstrap-servers",
            "localhost:9092",
            "--rate",
            "20",
            "--duration",
            "30s",
            "--warmup",
            "10s",
            "--drain",
            "120s",
            "--users",
            "alice,maya",
            "--slack-requests",
            "0",
            "--no-baseline"
        };

        for (String[] args : new String[][] {ownStack, runningStack}) {
            String command = PipelineBenchmark.reproduce(BenchmarkCommand.parse(args));

            assertThat(command).startsWith("benchmarks/run.sh ");
            assertThat(BenchmarkCommand.parse(arguments(command))).isEqualTo(BenchmarkCommand.parse(args));
        }
        assertThat(PipelineBenchmark.reproduce(BenchmarkCommand.parse(runningStack)))
                .contains("--intake-url http://localhost:8081 --bootstrap-servers localhost:9092")
                .doesNotContain("--service-jvm-options");
    }

    /** The arguments of a command line as a shell would split it, quotes taken off. */
    private static String[] arguments(String command) {
        return Pattern.compile("(?:[^\\s\"]|\"[^\"]*\")+")
                .matcher(command.substring("benchmarks/run.sh ".length()))
                .results()
                .map(match -> match.group().replace("\"", ""))
                .toArray(String[]::new);
    }

    @Test
    void takesTheServicesJvmOptionsSplitOnSpaces() {
        assertThat(BenchmarkCommand.parse("--service-jvm-options= -Xmx128m  -XX:ReservedCodeCacheSize=48m ")
                        .serviceJvmOptions())
                .containsExactly("-Xmx128m", "-XX:ReservedCodeCacheSize=48m");
    }

    @Test
    void refusesServiceJvmOptionsThatAreNotOptions() {
        assertThatExceptionOfType(ParameterException.class)
                .isThrownBy(() -> BenchmarkCommand.parse("--service-jvm-options=-Xmx128m 512m"))
                .withMessageContaining("--service-jvm-options takes JVM options");
    }

    @Test
    void readsEveryKnob() {
        Options options = BenchmarkCommand.parse(
                "--rate",
                "300",
                "--duration",
                "2m",
                "--warmup",
                "500ms",
                "--drain",
                "10",
                "--users",
                "alice,noa",
                "--partitions",
                "6",
                "--no-baseline",
                "--intake-url",
                "http://localhost:8081",
                "--bootstrap-servers",
                "127.0.0.1:9092",
                "--results",
                "out.md",
                "--slack-requests",
                "0");

        assertThat(options.rate()).isEqualTo(300);
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.warmup()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.drain()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.users()).containsExactly("alice", "noa");
        assertThat(options.partitions()).isEqualTo(6);
        assertThat(options.baseline()).isFalse();
        assertThat(options.externalStack()).isTrue();
        assertThat(options.intakeUrl()).isEqualTo("http://localhost:8081");
        assertThat(options.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(options.results()).isEqualTo(Path.of("out.md"));
        assertThat(options.slackRequests()).isZero();
    }

    @Test
    void theLastProjectDirWinsAsRunShPassesItsOwnFirst() {
        assertThat(BenchmarkCommand.parse("--project-dir", ".", "--project-dir", "/repo")
                        .projectDir())
                .isEqualTo(Path.of("/repo"));
    }

    @Test
    void refusesNonsenseNamingTheOption() {
        assertRefused("must be positive", "--rate", "0");
        assertRefused("Invalid value for option '--duration': Not a duration: 'soon'", "--duration", "soon");
        assertRefused("--bootstrap-servers", "--intake-url", "http://localhost:8081");
        assertRefused("Missing required parameter for option '--rate'", "--rate");
        assertRefused("Unknown options: '--speed', '3'", "--speed", "3");
        assertRefused(
                "stack the benchmark starts",
                "--stored-ideas",
                "1000",
                "--intake-url",
                "http://localhost:8081",
                "--bootstrap-servers",
                "localhost:9092");
        assertRefused("--api-requests must be positive", "--api-requests", "0");
        assertRefused("'many' is not an int", "--partitions", "many");
    }

    @Test
    void storeAndReplayMeasurementsAreOffUnlessAsked() {
        assertThat(BenchmarkCommand.parse().storedIdeas()).isZero();
        assertThat(BenchmarkCommand.parse().replayEvents()).isZero();

        Options options =
                BenchmarkCommand.parse("--stored-ideas", "1000000", "--api-requests", "50", "--replay-events", "20000");

        assertThat(options.storedIdeas()).isEqualTo(1_000_000);
        assertThat(options.apiRequests()).isEqualTo(50);
        assertThat(options.replayEvents()).isEqualTo(20_000);
    }

    @Test
    void helpListsEveryOptionWithItsDefaultAndRunsNoBenchmark() {
        AtomicReference<Options> ran = new AtomicReference<>();
        StringWriter out = new StringWriter();
        CommandLine commandLine = recording(ran, 0).setOut(new PrintWriter(out));

        int status = commandLine.execute("--help");

        assertThat(status).isZero();
        assertThat(ran).hasNullValue();
        assertThat(out.toString())
                .contains(
                        "Usage: benchmarks/run.sh",
                        "--rate=PER_SECOND",
                        "default: 100",
                        "--duration=DURATION",
                        "default: 30s",
                        "--warmup",
                        "--drain",
                        "--users=USER[,USER...]",
                        "default: alice,noa,piotr,jan,lea",
                        "--partitions",
                        "--no-baseline",
                        "--results=FILE",
                        "--project-dir=DIR",
                        "--slack-requests",
                        "--replay-events",
                        "--stored-ideas",
                        "--mongo-in-memory",
                        "--api-requests",
                        "--cpu-report",
                        "--settle=DURATION",
                        "default: 60s",
                        "--intake-url=URL",
                        "--bootstrap-servers=HOST:PORT",
                        "Durations: 30 (seconds), 30s, 500ms, 2m.");
    }

    @Test
    void aBadOptionEndsWithStatusTwoAndRunsNoBenchmark() {
        AtomicReference<Options> ran = new AtomicReference<>();
        StringWriter err = new StringWriter();
        CommandLine commandLine = recording(ran, 0).setErr(new PrintWriter(err));

        int status = commandLine.execute("--rate", "-5");

        assertThat(status).isEqualTo(2);
        assertThat(ran).hasNullValue();
        assertThat(err.toString()).contains("--rate must be positive, was -5.0", "Usage: benchmarks/run.sh");
    }

    @Test
    void goodOptionsRunTheBenchmarkAndItsStatusIsTheExitStatus() {
        AtomicReference<Options> ran = new AtomicReference<>();

        int status = recording(ran, 1).execute("--rate", "5");

        assertThat(status).isEqualTo(1);
        assertThat(ran.get().rate()).isEqualTo(5);
    }

    /** A command line whose benchmark only notes the options it was given and answers the status. */
    private static CommandLine recording(AtomicReference<Options> ran, int status) {
        return BenchmarkCommand.commandLine(options -> {
            ran.set(options);
            return status;
        });
    }

    private static void assertRefused(String message, String... args) {
        assertThatExceptionOfType(ParameterException.class)
                .as("%s", String.join(" ", args))
                .isThrownBy(() -> BenchmarkCommand.parse(args))
                .withMessageContaining(message);
    }
}
