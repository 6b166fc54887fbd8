package org.suggestionbox.intake.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.suggestionbox.intake.submission.SubmissionRateLimiter;

/**
 * At most {@code personLimit} submissions per person per {@code personWindow}, and at most
 * {@code globalLimit} from everybody per {@code globalWindow}, counted in shared Bucket4j buckets so
 * that every intake instance draws on the same budget. Each window refills at once when it ends (like
 * a fixed window that starts with the first submission). A submission the global limit refuses gives
 * the person's token back.
 * <p>
 * When the buckets cannot be read (the database is unreachable) the submission is let through and a
 * warning logged: an idea that reaches the broker is never lost for want of a counter, and the broker
 * acknowledgement still gates every acceptance.
 */
final class BucketRateLimiter implements SubmissionRateLimiter {

    static final String GLOBAL = "global";
    private static final Logger LOG = LoggerFactory.getLogger(BucketRateLimiter.class);

    private final ProxyManager<String> buckets;
    private final BucketConfiguration person;
    private final BucketConfiguration global;

    BucketRateLimiter(
            ProxyManager<String> buckets,
            int personLimit,
            Duration personWindow,
            int globalLimit,
            Duration globalWindow) {
        this.buckets = buckets;
        this.person = configuration(personLimit, personWindow);
        this.global = configuration(globalLimit, globalWindow);
    }

    @Override
    public Duration tryAcquire(String personId) {
        try {
            return acquire(personId);
        } catch (RuntimeException ex) {
            LOG.warn(
                    "Rate-limit buckets unavailable, submission let through: {}",
                    ex.getClass().getSimpleName());
            return Duration.ZERO;
        }
    }

    private Duration acquire(String personId) {
        BucketProxy personal = buckets.getProxy("person:" + personId, () -> person);
        ConsumptionProbe own = personal.tryConsumeAndReturnRemaining(1);
        if (!own.isConsumed()) {
            return wait(own);
        }
        ConsumptionProbe everybody = buckets.getProxy(GLOBAL, () -> global).tryConsumeAndReturnRemaining(1);
        if (!everybody.isConsumed()) {
            personal.addTokens(1);
            return wait(everybody);
        }
        return Duration.ZERO;
    }

    private static Duration wait(ConsumptionProbe probe) {
        return Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
    }

    private static BucketConfiguration configuration(int limit, Duration window) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit)
                        .refillIntervally(limit, window)
                        .build())
                .build();
    }
}
