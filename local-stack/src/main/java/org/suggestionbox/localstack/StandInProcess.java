package org.suggestionbox.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in ({@link StandIns}: the MongoDB-wire server or the SMTP capture) run as a child JVM from the
 * launcher's own classpath, so a benchmark sees its CPU and memory apart from its own. Stopping it is a
 * SIGTERM whose shutdown hook stops the server cleanly, so for fault injection it behaves like the
 * in-process one: {@link #close()} then {@link #start()} serves the same data on the same port.
 */
final class StandInProcess implements RestartableServer {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final String name;

    private final int port;

    private final String address;

    private final List<String> command;

    private final Path logFile;

    private @Nullable Process process;

    /**
     * @param name the process's name in CPU and memory reports ({@code mongo}, {@code smtp})
     * @param port the port that answers once it serves
     * @param heapMegabytes its {@code -Xmx}
     * @param arguments {@link StandIns}' arguments
     */
    StandInProcess(
            String name,
            int port,
            String address,
            int heapMegabytes,
            String classpath,
            List<String> arguments,
            Path logFile) {
        this.name = name;
        this.port = port;
        this.address = address;
        this.logFile = logFile.toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(
                JavaCommand.current(),
                "-Xmx" + heapMegabytes + "m",
                // G1, not the serial collector: the MongoDB-wire server keeps every document in memory, and a full
                // serial collection of that copy paused every service's database call (1.3-1.8 s with 1-2 GB live,
                // five-minute benchmark runs, JFR 2026-12-04), which a real MongoDB does not do
                "-XX:+UseG1GC",
                "-Djava.awt.headless=true",
                // one Log4j context for the whole JVM (a stand-in has one class loader): the default selector walks
                // the stack to find the caller's class loader for every logger made, and GreenMail's mailboxes made
                // one per stored mail (7.5 % of the SMTP capture's samples at 200 ideas/s, JFR 2026-12-04; the
                // capture keeps its own inbox since, see MailCapture)
                "-Dlog4j2.contextSelector=org.apache.logging.log4j.core.selector.BasicContextSelector",
                "-cp",
                classpath,
                StandIns.class.getName()));
        command.addAll(arguments);
        this.command = List.copyOf(command);
    }

    String name() {
        return this.name;
    }

    List<String> command() {
        return this.command;
    }

    @Override
    public void start() {
        if (FreePorts.inUse(this.port)) {
            throw new IllegalStateException(
                    "Port " + this.port + " for the " + this.name + " stand-in is already in use");
        }
        ProcessBuilder builder = new ProcessBuilder(this.command);
        builder.redirectErrorStream(true);
        try {
            Files.createDirectories(this.logFile.getParent());
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()));
            Process child = builder.start();
            this.process = child;
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!FreePorts.inUse(this.port)) {
                if (!child.isAlive()) {
                    this.process = null;
                    throw new IllegalStateException("The %s stand-in exited with status %d:%n%s"
                            .formatted(this.name, child.exitValue(), ProcessLogs.excerpt(this.logFile, 30)));
                }
                if (System.nanoTime() > deadline) {
                    close();
                    throw new IllegalStateException("The %s stand-in did not listen on %d within %d s:%n%s"
                            .formatted(
                                    this.name,
                                    this.port,
                                    START_TIMEOUT.toSeconds(),
                                    ProcessLogs.excerpt(this.logFile, 30)));
                }
                Pause.pause(Duration.ofMillis(50));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not start the " + this.name + " stand-in", ex);
        }
    }

    @Override
    public boolean isRunning() {
        Process child = this.process;
        return child != null && child.isAlive();
    }

    @Override
    public String address() {
        return this.address;
    }

    long pid() {
        Process child = this.process;
        return child == null ? -1 : child.pid();
    }

    /** SIGTERM, so the stand-in closes its server cleanly, and waits; forces it after 30 s. */
    @Override
    public void close() {
        Process child = this.process;
        this.process = null;
        if (child != null) {
            ChildProcesses.stop(child, Duration.ofSeconds(30));
        }
    }
}
