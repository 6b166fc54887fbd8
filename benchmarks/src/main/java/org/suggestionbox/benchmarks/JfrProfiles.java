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
 * {@code jdk.ExecutionSample} stacks, and the methods of ours on the most stacks.
 */
final class JfrProfiles {

    private static final Logger LOG = LoggerFactory.getLogger(JfrProfiles.class);

    private static final String RECORDING = "benchmark";

    /** Frames kept of each sampled stack; JFR.configure sets it before the first recording of a process. */
    static final int STACK_DEPTH = 256;

    /** The code this project owns, by package. */
    static final String OURS = "org.suggestionbox.";

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
     * One of the hottest frames: a method and how many execution samples had it on top, or (our code) anywhere on
     * the stack.
     *
     * @param share of all execution samples in the recording, in percent
     */
    record HotFrame(String method, long samples, double share) {}

    /**
     * The {@code limit} methods of ours ({@value #OURS}…) most often anywhere on a {@code jdk.ExecutionSample}
     * stack, each counted once per sample however often it recurs in it, among the samples taken from {@code
     * from} on: the share of the process's samples spent in a method and what it calls.
     */
    static List<HotFrame> oursOnStack(Path recording, int limit, Instant from) {
        Samples samples = Samples.read(recording, from);
        return samples.most(samples.oursOnStack(), limit);
    }

    /**
     * A recording's execution samples from a moment on: how many, by the method on top, and by each method of ours
     * anywhere on the stack.
     */
    private record Samples(long total, Map<String, Long> onTop, Map<String, Long> oursOnStack) {

        static Samples read(Path recording, Instant from) {
            Map<String, Long> onTop = new HashMap<>();
            Map<String, Long> ours = new HashMap<>();
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
                    onTop.merge(frame(stack.getFrames().get(0)), 1L, Long::sum);
                    stack.getFrames().stream()
                            .map(JfrProfiles::frame)
                            // a lambda's hidden class names itself by address, different in every run
                            .filter(method -> method.startsWith(OURS) && !method.contains("$$Lambda"))
                            .distinct()
                            .forEach(method -> ours.merge(method, 1L, Long::sum));
                }
            } catch (IOException ex) {
                throw new UncheckedIOException("Could not read " + recording, ex);
            }
            return new Samples(total, onTop, ours);
        }

        List<HotFrame> most(Map<String, Long> counts, int limit) {
            long samples = Math.max(1, this.total);
            return counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit)
                    .map(entry -> new HotFrame(entry.getKey(), entry.getValue(), 100.0 * entry.getValue() / samples))
                    .toList();
        }
    }

    /** A frame's method as the results name it: {@code the.Type.method}. */
    static String frame(RecordedFrame frame) {
        var method = frame.getMethod();
        return method.getType().getName() + "." + method.getName();
    }

    /**
     * A markdown section per process: its recording, a table of its hottest frames from {@code from} (the
     * measured start; the load's recordings start before the warm-up, so that {@code jcmd} does not run during it),
     * and one of {@linkplain #oursOnStack our methods on the stack}.
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
            Samples samples = Samples.read(file, from);
            List<HotFrame> frames = samples.most(samples.onTop(), limit);
            if (frames.isEmpty()) {
                text.append("No execution samples.\n");
                return;
            }
            table(text, frames);
            List<HotFrame> ours = samples.most(samples.oursOnStack(), limit);
            if (!ours.isEmpty()) {
                text.append("\nOur code on the stack (a method counted once per sample wherever it is on the stack,"
                        + " so a caller includes what it calls):\n\n");
                table(text, ours);
            }
        });
        return text.toString();
    }

    private static void table(StringBuilder text, List<HotFrame> frames) {
        text.append("| samples | share | method |\n|---:|---:|---|\n");
        for (HotFrame frame : frames) {
            text.append(String.format(
                    Locale.ROOT, "| %d | %.1f %% | `%s` |%n", frame.samples(), frame.share(), frame.method()));
        }
    }

    private static String relative(Path base, Path file) {
        try {
            return base.toAbsolutePath().relativize(file.toAbsolutePath()).toString();
        } catch (IllegalArgumentException ex) {
            return file.toString();
        }
    }
}
