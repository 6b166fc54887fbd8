package org.suggestionbox.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SubmissionResultTests {

    @Test
    void retryAfterIsGivenInWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(new SubmissionResult.Throttled(Duration.ofMillis(44_001)).retryAfterSeconds())
                .isEqualTo(45);
        assertThat(new SubmissionResult.Throttled(Duration.ofSeconds(45)).retryAfterSeconds())
                .isEqualTo(45);
        assertThat(new SubmissionResult.Unavailable(Duration.ZERO).retryAfterSeconds())
                .isEqualTo(1);
        assertThat(new SubmissionResult.Unavailable(Duration.ofSeconds(10)).retryAfterSeconds())
                .isEqualTo(10);
    }
}
