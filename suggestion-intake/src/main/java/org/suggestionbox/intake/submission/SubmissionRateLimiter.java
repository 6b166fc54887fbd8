package org.suggestionbox.intake.submission;

import java.time.Duration;

/**
 * How fast people may submit, through any door. The implementation
 * ({@code org.suggestionbox.intake.limits.BucketRateLimiter}) counts per person and for everybody
 * together, in buckets shared by every intake instance.
 */
public interface SubmissionRateLimiter {

    /** @return zero when the person may submit now (and counts it), else how long to wait */
    Duration tryAcquire(String personId);
}
