package org.suggestionbox.intake.limits;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.suggestionbox.intake.config.IntakeProperties;
import org.suggestionbox.intake.submission.SubmissionRateLimiter;

/**
 * The submission rate limiter every door goes through ({@code IdeaIntake}), its buckets in the
 * collection {@value #COLLECTION} of intake's database (a person's bucket under a keyed hash of their id, see
 * {@link PersonBucketKeys}), and the hourly delete of buckets that have
 * been full again for a while (TTL indexes do not expire on the local MongoDB-wire server; the delete
 * is idempotent, so every instance may run it).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GlobalRateLimitProperties.class)
class RateLimitConfiguration {

    static final String COLLECTION = "rateLimitBuckets";
    private static final Logger LOG = LoggerFactory.getLogger(RateLimitConfiguration.class);

    private final Clock clock;

    RateLimitConfiguration(Clock clock) {
        this.clock = clock;
    }

    @Bean
    MongoBuckets rateLimitBuckets(MongoTemplate mongo) {
        return new MongoBuckets(mongo.getCollection(COLLECTION), clock);
    }

    @Bean
    SubmissionRateLimiter submissionRateLimiter(
            MongoBuckets buckets, IntakeProperties intake, GlobalRateLimitProperties global) {
        return new BucketRateLimiter(
                buckets,
                new PersonBucketKeys(intake.idempotencySecret()),
                intake.rateLimit(),
                intake.rateLimitWindow(),
                global.limit(),
                global.window());
    }

    @Bean
    FullBucketCleanup fullBucketCleanup(MongoBuckets buckets) {
        return new FullBucketCleanup(buckets, clock);
    }

    /** Deletes buckets that have been full again for a while. */
    static final class FullBucketCleanup {

        private final MongoBuckets buckets;
        private final Clock clock;

        FullBucketCleanup(MongoBuckets buckets, Clock clock) {
            this.buckets = buckets;
            this.clock = clock;
        }

        @Scheduled(fixedDelayString = "1h", initialDelayString = "1h")
        void forgetFullBuckets() {
            long deleted = buckets.forgetExpired(clock.instant());
            if (deleted > 0) {
                LOG.info("Forgot {} rate-limit buckets that were full again", deleted);
            }
        }
    }
}
