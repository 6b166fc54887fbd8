package org.suggestionbox.intake.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param categories the category ids an idea may be filed under; labels live in the messages
 *        ({@code idea.category.<id>})
 * @param defaultCategory the category of an idea that names none
 * @param brokerTimeout how long a submission waits for the broker's acknowledgement before it is
 *        refused with 503; a backstop above the producer's own {@code max.block.ms} plus
 *        {@code delivery.timeout.ms}
 * @param retryAfter what a refused submitter is told to wait before trying again
 * @param idempotencySecret mixed into ids derived from (person, Idempotency-Key), so that nobody
 *        who sees an anonymous idea's id can test which person and key produced it; also keys the
 *        rate limit's per-person buckets (with a purpose label of their own), so that the bucket
 *        collection names nobody
 * @param recentSubmissions how many accepted (person, key) pairs are remembered for replays
 * @param recentSubmissionsTtl how long an accepted (person, key) pair is remembered
 * @param rateLimit submissions one person may make per {@code rateLimitWindow}
 * @param rateLimitWindow the window of the per-person rate limit
 */
@ConfigurationProperties("suggestionbox.intake")
public record IntakeProperties(
        @DefaultValue({"customer-experience", "operations", "workplace", "other"})
        List<String> categories,

        @DefaultValue("other") String defaultCategory,
        @DefaultValue("10s") Duration brokerTimeout,
        @DefaultValue("10s") Duration retryAfter,
        @DefaultValue("") String idempotencySecret,
        @DefaultValue("10000") int recentSubmissions,
        @DefaultValue("24h") Duration recentSubmissionsTtl,
        @DefaultValue("20") int rateLimit,
        @DefaultValue("1m") Duration rateLimitWindow) {

    public IntakeProperties {
        categories = List.copyOf(categories);
        if (!categories.contains(defaultCategory)) {
            throw new IllegalArgumentException("The default category '" + defaultCategory
                    + "' is not one of the configured categories " + categories);
        }
    }
}
