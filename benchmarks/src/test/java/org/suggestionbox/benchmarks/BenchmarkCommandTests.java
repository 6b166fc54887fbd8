package org.suggestionbox.benchmarks;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OptionsTests {

    @Test
    void defaultsAreOneHundredIdeasPerSecondForThirtySecondsAfterFiveSecondsOfWarmUpOnAFreshStack() {
        Options options = Options.parse();

        assertThat(options.rate()).isEqualTo(100);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.externalStack()).isFalse();
        assertThat(options.baseline()).isTrue();
        assertThat(options.users()).hasSizeGreaterThan(1);
    }

    @Test
    void readsEveryKnob() {
        Options options = Options.parse("--rate", "300", "--duration", "2m", "--warmup", "500ms", "--drain", "10",
                "--users", "alice,noa", "--partitions", "6", "--no-baseline", "--intake-url", "http://localhost:8081",
                "--bootstrap-servers", "127.0.0.1:9092");

        assertThat(options.rate()).isEqualTo(300);
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.warmup()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.drain()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.users()).containsExactly("alice", "noa");
        assertThat(options.partitions()).isEqualTo(6);
        assertThat(options.baseline()).isFalse();
        assertThat(options.externalStack()).isTrue();
    }

    @Test
    void refusesNonsense() {
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--rate", "0"));
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--duration", "soon"))
                .withMessageContaining("soon");
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--intake-url", "http://localhost:8081"))
                .withMessageContaining("--bootstrap-servers");
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--rate"));
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--speed", "3"));
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--stored-ideas", "1000", "--intake-url",
                "http://localhost:8081", "--bootstrap-servers", "localhost:9092"))
                .withMessageContaining("stack the benchmark starts");
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--api-requests", "0"));
    }

    @Test
    void storeAndReplayMeasurementsAreOffUnlessAsked() {
        assertThat(Options.parse().storedIdeas()).isZero();
        assertThat(Options.parse().replayEvents()).isZero();

        Options options = Options.parse("--stored-ideas", "1000000", "--api-requests", "50", "--replay-events", "20000");

        assertThat(options.storedIdeas()).isEqualTo(1_000_000);
        assertThat(options.apiRequests()).isEqualTo(50);
        assertThat(options.replayEvents()).isEqualTo(20_000);
    }
}
