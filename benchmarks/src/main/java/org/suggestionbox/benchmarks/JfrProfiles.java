package org.suggestionbox.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JFR recordings of the stack's child JVMs during the measured load ({@code --profile}), started and
 * stopped with {@code jcmd}, and their hottest frames: the methods on top of the most
 * {@code jdk.ExecutionSample} stacks.
 */
final class JfrProfiles {

    private static final Logger LOG = LoggerFactory.getLogger(JfrProfiles.class);

    private static final String RECORDING = "benchmark";

    /** Frames kept of each sampled stack; JFR.configure sets it before the first recording of a process. */
    static final int STACK_DEPTH = 256;

    private final Path directory;

    private final Map<String, Long> pids;

    /**
     * @param directory where the {@code <process>.jfr} files go
     * @param pids the processes to record, by name
     */
    JfrProfiles(Path directory, Map<String, Long> pids) {
        this.directory = directory;
        this.pids = Map.copyOf(pids);
    }

    /**
     * Starts a recording with JFR's {@code profile} settings (20 ms execution samples) in every process, a
     * {@code jcmd} each, all at once, and returns when every one has answered: one after the other would take
     * seconds, longer than a replay's first part (a parallel stream would run two at a time on two cores).
     * Stacks are kept {@value #STACK_DEPTH} frames deep: at JFR's default of 64, a request's deepest stacks
     * (Tomcat, the security filters, Spring MVC, then ours) lose the frames that say whose work they are.
     */
    void start() {
        try (ExecutorService jcmds = Executors.newVirtualThreadPerTaskExecutor()) {
            this.pids.forEach((name, pid) -> jcmds.execute(() -> {
                jcmd(name, pid, "JFR.configure", "stackdepth=" + STACK_DEPTH);
                jcmd(name, pid, "JFR.start", "name=" + RECORDING, "settings=profile");
            }));
        }
    }

    /** Stops the recordings, writing {@code <directory>/<process>.jfr}; answers the files written, by process. */
    Map<String, Path> stop() {
        try {
            Files.createDirectories(this.directory);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Map<String, Path> files = new LinkedHashMap<>();
        this.pids.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            Path file = this.directory.resolve(entry.getKey() + ".jfr").toAbsolutePath();
            if (jcmd(entry.getKey(), entry.getValue(), "JFR.stop", "name=" + RECORDING, "filename=" + file)
                    && Files.isRegularFile(file)) {
                files.put(entry.getKey(), file);
            }
        });
        return files;
    }

    private static boolean jcmd(String name, long pid, String... command) {
        List<String> line = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                LOG.warn("jcmd {} for {} (pid {}) failed: {}", command[0], name, pid, output.strip());
                return false;
            }
            return true;
        } catch (IOException ex) {
            LOG.warn("jcmd {} for {} (pid {}) failed: {}", command[0], name, pid, ex.toString());
            return false;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * One of the hottest frames: a method and how many execution samples had it on top.
     *
     * @param share of all execution samples in the recording, in percent
     */
    record HotFrame(String method, long samples, double share) {}

    /**
     * The {@code limit} methods most often on top of a {@code jdk.ExecutionSample} stack in a recording,
     * among the samples taken from {@code from} on.
     */
    static List<HotFrame> hottest(Path recording, int limit, Instant from) {
        Map<String, Long> counts = new HashMap<>();
        long total = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")
                        || event.getStartTime().isBefore(from)) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                total++;
                counts.merge(frame(stack.getFrames().get(0)), 1L, Long::sum);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not read " + recording, ex);
        }
        long samples = Math.max(1, total);
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(entry -> new HotFrame(entry.getKey(), entry.getValue(), 100.0 * entry.getValue() / samples))
                .toList();
    }

    private static String frame(RecordedFrame frame) {
        var method = frame.getMethod();
        return method.getType().getName() + "." + method.getName();
    }

    /**
     * A markdown section per process: its recording and a table of its hottest frames from {@code from} (the
     * measured start; the load's recordings start before the warm-up, so that {@code jcmd} does not run during it).
     *
     * @param during what was recorded, for the heading: "the measured load", "the replay"
     */
    static String markdown(Map<String, Path> recordings, String during, Path relativeTo, int limit, Instant from) {
        StringBuilder text = new StringBuilder("\n## Top ")
                .append(limit)
                .append(" frames per process during ")
                .append(during)
                .append(" (JFR, jdk.ExecutionSample, top of stack)\n");
        recordings.forEach((process, file) -> {
            text.append("\n### ").append(process).append("\n\n");
            text.append("Recording: `").append(relative(relativeTo, file)).append("`\n\n");
            List<HotFrame> frames = hottest(file, limit, from);
            if (frames.isEmpty()) {
                text.append("No execution samples.\n");
                return;
            }
            text.append("| samples | share | method |\n|---:|---:|---|\n");
            for (HotFrame frame : frames) {
                text.append(String.format(
                        Locale.ROOT, "| %d | %.1f %% | `%s` |%n", frame.samples(), frame.share(), frame.method()));
            }
        });
        return text.toString();
    }

    private static String relative(Path base, Path file) {
        try {
            return base.toAbsolutePath().relativize(file.toAbsolutePath()).toString();
        } catch (IllegalArgumentException ex) {
            return file.toString();
        }
    }
}
