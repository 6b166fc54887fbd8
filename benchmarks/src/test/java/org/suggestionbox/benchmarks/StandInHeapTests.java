package org.suggestionbox.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The stand-ins' heaps grow with the ideas a run sends through them, so a long run does not measure their collector. */
class StandInHeapTests {

    private static final int FIXED = 2 * PipelineBenchmark.MONGO_CACHE_MEGABYTES + 768;

    @Test
    void theMongoWireServerHasRoomForEveryIdeaOfTheLoadWarmUpAndReplayIncluded() {
        Options shortRun = BenchmarkCommand.parse("--rate", "50", "--duration", "60s", "--warmup", "30s");
        Options longRun = BenchmarkCommand.parse("--rate", "50", "--duration", "60s", "--warmup", "300s");
        Options replay = BenchmarkCommand.parse(
                "--rate", "50", "--duration", "60s", "--warmup", "300s", "--replay-events", "20000");

        // about 40 KB of each idea of the load stayed live at 50/s
        assertThat(PipelineBenchmark.mongoHeapMegabytes(shortRun) - FIXED).isGreaterThanOrEqualTo(4_500 * 40 / 1024);
        assertThat(PipelineBenchmark.mongoHeapMegabytes(longRun) - FIXED).isGreaterThanOrEqualTo(18_000 * 40 / 1024);
        assertThat(PipelineBenchmark.mongoHeapMegabytes(replay) - FIXED).isGreaterThanOrEqualTo(38_000 * 40 / 1024);
    }

    @Test
    void storedIdeasAddTheirOwnShare() {
        Options load = BenchmarkCommand.parse("--rate", "20", "--duration", "10s", "--warmup", "0s");
        Options stored = BenchmarkCommand.parse(
                "--rate", "20", "--duration", "10s", "--warmup", "0s", "--stored-ideas", "1000000");

        assertThat(PipelineBenchmark.mongoHeapMegabytes(stored) - PipelineBenchmark.mongoHeapMegabytes(load))
                .isEqualTo(1_000_000 * PipelineBenchmark.MONGO_KILOBYTES_PER_IDEA / 1024);
    }
}
