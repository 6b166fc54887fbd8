package org.suggestionbox.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import org.suggestionbox.localstack.LocalStack;
import org.suggestionbox.localstack.Ports;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How long each service takes to start alone, and the CPU it spends until healthy (issue #13: at most 5 s): starts
 * a stack on free ports in a temporary directory (Kafka, MongoDB-wire in memory, the three services, no sign-in
 * provider), then kills and restarts one service at a time while the others idle, and prints, per restart, the
 * time until its health answered UP and the CPU its JVM used until then. With {@code --aot-cache} (the default)
 * the stack extracts each executable jar and trains its AOT cache first, as the system tests' stacks do.
 */
@Command(
        name = "benchmarks/start-times.sh",
        sortOptions = false,
        usageHelpAutoWidth = true,
        mixinStandardHelpOptions = true,
        description = "Restarts each service alone on a running stack and prints its time to healthy and its CPU.")
final class StartTimes implements Callable<Integer> {

    @Option(
            names = "--restarts",
            paramLabel = "N",
            defaultValue = "2",
            description = "Restarts of each service, one after the other (default: ${DEFAULT-VALUE}).")
    private int restarts;

    @Option(
            names = "--aot-cache",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description =
                    "Start the services from their AOT cache, trained first if missing (default: ${DEFAULT-VALUE}).")
    private boolean aotCache;

    @Option(
            names = "--project-dir",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "The repository root, holding each module's target/*-exec.jar (default: ${DEFAULT-VALUE}).")
    private Path projectDir = Path.of(".");

    /** Between restarts, so the one restarted before is idle again. */
    private static final Duration SETTLE = Duration.ofSeconds(3);

    public static void main(String[] args) {
        System.exit(new CommandLine(new StartTimes()).execute(args));
    }

    @Override
    public Integer call() {
        try (LocalStack stack = LocalStack.builder()
                .dataDir(Files.createTempDirectory("suggestionbox-start-times-"))
                .projectDir(this.projectDir)
                .ports(Ports.random())
                .demoData(false)
                .startSignIn(false)
                .mongoInMemory(true)
                .aotCache(this.aotCache)
                .build()) {
            long started = System.nanoTime();
            stack.start();
            System.out.printf(
                    Locale.ROOT,
                    "aot-cache=%s: the stack was up after %.1f s %s%n",
                    this.aotCache,
                    seconds(System.nanoTime() - started),
                    stack.timings());
            for (int round = 1; round <= this.restarts; round++) {
                for (String service : LocalStack.SERVICES) {
                    LockSupport.parkNanos(SETTLE.toNanos());
                    stack.kill(service);
                    long restarted = System.nanoTime();
                    stack.restart(service);
                    double healthy = seconds(System.nanoTime() - restarted);
                    Duration cpu = Optional.ofNullable(stack.childProcessIds().get(service))
                            .flatMap(ProcessHandle::of)
                            .flatMap(process -> process.info().totalCpuDuration())
                            .orElse(Duration.ZERO);
                    System.out.printf(
                            Locale.ROOT,
                            "aot-cache=%s restart %d of %s alone: healthy after %.1f s, %.1f CPU-s%n",
                            this.aotCache,
                            round,
                            service,
                            healthy,
                            seconds(cpu.toNanos()));
                }
            }
            return 0;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
