package org.suggestionbox.intake.limits;

import java.time.Clock;
import java.time.Duration;
import org.suggestionbox.intake.submission.SubmissionRateLimiter;

/** The real rate limiter for tests of other packages, its buckets in a fresh collection of {@link TestMongo}. */
public final class TestRateLimits {

    private TestRateLimits() {}

    /** {@code perPerson} submissions per person per {@code window}, and a global limit that is never reached. */
    public static SubmissionRateLimiter perPerson(int perPerson, Duration window, Clock clock) {
        return new BucketRateLimiter(
                new MongoBuckets(TestMongo.freshCollection(), clock),
                new PersonBucketKeys("test-idempotency-secret"),
                perPerson,
                window,
                1000,
                window);
    }
}
