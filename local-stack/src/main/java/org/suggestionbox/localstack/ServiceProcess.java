package org.suggestionbox.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One instance of a Suggestion Box service, run from its executable jar as a child JVM. Instance 1 is
 * the one on the service's documented port; further instances (scale-out) get their own port and log.
 */
final class ServiceProcess {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /**
     * How long a health request may take. A service working off a backlog on a busy machine can take seconds
     * to answer (its database check waits behind the backlog's requests); with 2 s, a router restarted in a
     * fault scenario had logged "Started" after 13 s but counted as healthy only after 44 s, each slower answer
     * taken for "not reachable".
     */
    private static final Duration HEALTH_ANSWER = Duration.ofSeconds(10);

    private final String name;

    private final int instance;

    private final int port;

    private final List<String> command;

    private final Map<String, String> environment;

    private final Path logFile;

    private @Nullable Process process;

    /** Built by {@link ServiceLaunch}, which knows the command line and the environment. */
    ServiceProcess(
            String name, int instance, int port, List<String> command, Map<String, String> environment, Path logFile) {
        this.name = name;
        this.instance = instance;
        this.port = port;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.logFile = logFile;
    }

    String name() {
        return this.name;
    }

    int instance() {
        return this.instance;
    }

    /** The module name for instance 1, {@code <module>-<n>} for the others (as their log files are named). */
    String label() {
        return label(this.name, this.instance);
    }

    static String label(String name, int instance) {
        return instance == 1 ? name : name + "-" + instance;
    }

    int port() {
        return this.port;
    }

    Path logFile() {
        return this.logFile;
    }

    void start() {
        if (FreePorts.inUse(this.port)) {
            throw new IllegalStateException(
                    "Port " + this.port + " for " + this.name + " is already in use; is another local stack running?");
        }
        ProcessBuilder builder = new ProcessBuilder(this.command);
        builder.environment().putAll(this.environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()));
        try {
            this.process = builder.start();
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not start " + this.name, ex);
        }
    }

    /** What the health endpoint says now: {@code null} while it is healthy, otherwise why not. */
    @Nullable
    String unhealthyReason() {
        Process child = this.process;
        if (child == null) {
            return "not started";
        }
        if (!child.isAlive()) {
            return "exited with status " + child.exitValue();
        }
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                            .timeout(HEALTH_ANSWER)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                return null;
            }
            return "health answered " + response.statusCode() + " " + response.body();
        } catch (IOException ex) {
            return "health endpoint not reachable (" + ex.getClass().getSimpleName() + ")";
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    boolean hasExited() {
        Process child = this.process;
        return child != null && !child.isAlive();
    }

    String baseUrl() {
        return "http://localhost:" + this.port;
    }

    long pid() {
        Process child = this.process;
        return child == null ? -1 : child.pid();
    }

    /**
     * Kills the JVM at once as a crash would (SIGKILL: no shutdown hooks, no graceful close) and waits
     * until it is gone; {@link #start()} runs it again.
     */
    void kill(Duration timeout) {
        Process child = this.process;
        if (child == null || !child.isAlive()) {
            throw new IllegalStateException(this.name + " is not running");
        }
        child.destroyForcibly();
        try {
            if (!child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(
                        this.name + " did not exit within " + timeout.toMillis() + " ms of SIGKILL");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", ex);
        }
    }

    /** Sends SIGTERM so Spring shuts down gracefully, without waiting. */
    void requestStop() {
        Process child = this.process;
        if (child != null && child.isAlive()) {
            child.destroy();
        }
    }

    void awaitStopped(Duration grace) {
        Process child = this.process;
        this.process = null;
        if (child != null) {
            ChildProcesses.stop(child, grace);
        }
    }
}
