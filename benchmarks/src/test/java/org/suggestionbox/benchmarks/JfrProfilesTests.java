package org.suggestionbox.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --profile}'s recordings keep whole stacks, so a sample deep in a request still says whose work it is, and
 * the results count our methods wherever they are on a stack.
 */
class JfrProfilesTests {

    /** Deeper than JFR's default of 64 frames, well within {@link JfrProfiles#STACK_DEPTH}. */
    private static final int DEPTH = 150;

    private static Path recording;

    /** Records {@link DeepWork} for two seconds, as {@code --profile} records a service. */
    @BeforeAll
    static void recordDeepWork(@TempDir Path directory) throws Exception {
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        DeepWork.class.getName())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader output =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertThat(output.readLine()).isEqualTo("working");
            JfrProfiles profiles = new JfrProfiles(directory, Map.of("deep", child.pid()));

            profiles.start();
            Thread.sleep(2_000);
            recording = profiles.stop().get("deep");
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    @Test
    void aSampleDeeperThanJfrsDefaultKeepsItsBottomFrames() throws Exception {
        List<List<String>> stacks = workStacks(recording);

        assertThat(stacks).isNotEmpty();
        assertThat(stacks)
                .allSatisfy(stack ->
                        assertThat(stack).hasSizeGreaterThan(DEPTH).endsWith(DeepWork.class.getName() + ".main"));
    }

    @Test
    void ourMethodsCountOnceASampleWhereverTheyAreOnTheStack() {
        Map<String, JfrProfiles.HotFrame> ours = JfrProfiles.oursOnStack(recording, 10, Instant.EPOCH).stream()
                .collect(Collectors.toMap(JfrProfiles.HotFrame::method, Function.identity()));
        String work = DeepWork.class.getName();

        assertThat(ours).containsOnlyKeys(work + ".main", work + ".down", work + ".spin");
        // down is on every stack 150 times, and counts once: no more samples than main, which it is under
        assertThat(ours.get(work + ".down").samples())
                .isLessThanOrEqualTo(ours.get(work + ".main").samples());
        assertThat(ours.get(work + ".main").share()).isGreaterThan(90.0).isLessThanOrEqualTo(100.0);
        assertThat(ours.get(work + ".spin").share())
                .isLessThanOrEqualTo(ours.get(work + ".down").share());
    }

    /** The stacks of the samples taken inside {@link DeepWork#spin}, each from its top frame to its bottom. */
    private static List<List<String>> workStacks(Path recording) throws Exception {
        List<List<String>> stacks = new ArrayList<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                List<String> stack = event.getStackTrace().getFrames().stream()
                        .map(JfrProfiles::frame)
                        .toList();
                if (!stack.isEmpty() && stack.getFirst().equals(DeepWork.class.getName() + ".spin")) {
                    stacks.add(stack);
                }
            }
        }
        return stacks;
    }

    /** Spins on the CPU {@value #DEPTH} calls down, until it is stopped. */
    static final class DeepWork {

        public static void main(String[] args) {
            System.out.println("working");
            System.out.flush();
            long sum = 0;
            while (true) {
                sum += down(DEPTH);
                if (sum == 42) {
                    System.out.println(sum);
                }
            }
        }

        private static long down(int depth) {
            return depth == 0 ? spin() : down(depth - 1) + 1;
        }

        private static long spin() {
            long x = 0;
            for (int i = 0; i < 1_000_000; i++) {
                x += i * 31L ^ x;
            }
            return x;
        }
    }
}
