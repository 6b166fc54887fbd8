package org.suggestionbox.intake.limits;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.NopeOptimizationListener;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.distributed.proxy.optimization.delay.DelayOptimization;
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
 * Each bucket has one proxy per instance with Bucket4j's batching optimization: requests that arrive while a
 * swap of the same bucket is under way are combined into the next swap. Without it every busy request thread
 * raced the others to swap the one global bucket, and the losers read and retried; at 50 ideas a second the
 * retries took most of intake's CPU and its answers 30 s.
 * <p>
 * The global bucket, which every submission draws on, is counted ahead locally (Bucket4j's delaying
 * optimization): an instance takes up to {@value #GLOBAL_AHEAD_PERCENT} % of the global limit from its own copy of
 * the bucket, for at most {@link #GLOBAL_AHEAD_FOR}, before it writes what it took in one swap (a limit under 100
 * is swapped for every submission, like a person's). One instance alone keeps the limit exactly; with several, each
 * may let through what it has not written yet on top of what the others let through, so the limit can be exceeded
 * by that share per further instance (and an instance that stops forgets what it had not written). Without it every
 * submission cost two swaps, the person's and everybody's. A person's bucket is still swapped for every submission:
 * its limit is small and kept exactly.
 * <p>
 * A person's bucket is stored under a keyed hash of their id ({@link PersonBucketKeys}), never the id itself: the
 * collection must not tell who submitted at the moment an anonymous idea was stamped.
 * <p>
 * When the buckets cannot be read (the database is unreachable) the submission is let through and a
 * warning logged: an idea that reaches the broker is never lost for want of a counter, and the broker
 * acknowledgement still gates every acceptance.
 */
final class BucketRateLimiter implements SubmissionRateLimiter {

    static final String GLOBAL = "global";
    private static final Logger LOG = LoggerFactory.getLogger(BucketRateLimiter.class);

    /** How many people's bucket proxies an instance keeps between their submissions. */
    private static final int KNOWN_PEOPLE = 10_000;

    /** How much of the global limit an instance may take before writing it, in percent. */
    static final int GLOBAL_AHEAD_PERCENT = 1;

    /** How long an instance may take from the global bucket before writing what it took. */
    static final Duration GLOBAL_AHEAD_FOR = Duration.ofSeconds(1);

    private final BucketProxy everybody;
    private final LoadingCache<String, BucketProxy> people;

    BucketRateLimiter(
            MongoBuckets buckets,
            PersonBucketKeys keys,
            int personLimit,
            Duration personWindow,
            int globalLimit,
            Duration globalWindow) {
        BucketConfiguration person = configuration(personLimit, personWindow);
        BucketConfiguration global = configuration(globalLimit, globalWindow);
        long ahead = globalLimit * GLOBAL_AHEAD_PERCENT / 100L;
        this.everybody = (ahead > 0 ? countingAhead(buckets, ahead) : batching(buckets)).build(GLOBAL, () -> global);
        this.people = Caffeine.newBuilder()
                .maximumSize(KNOWN_PEOPLE)
                .expireAfterAccess(personWindow)
                .build(personId -> batching(buckets).build(keys.of(personId), () -> person));
    }

    private static RemoteBucketBuilder<String> batching(MongoBuckets buckets) {
        return buckets.builder().withOptimization(Optimizations.batching());
    }

    private static RemoteBucketBuilder<String> countingAhead(MongoBuckets buckets, long tokens) {
        return buckets.builder()
                .withOptimization(new DelayOptimization(
                        new DelayParameters(tokens, GLOBAL_AHEAD_FOR),
                        NopeOptimizationListener.INSTANCE,
                        buckets.clock()));
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
        BucketProxy personal = people.get(personId);
        ConsumptionProbe own = personal.tryConsumeAndReturnRemaining(1);
        if (!own.isConsumed()) {
            return wait(own);
        }
        ConsumptionProbe shared = everybody.tryConsumeAndReturnRemaining(1);
        if (!shared.isConsumed()) {
            personal.addTokens(1);
            return wait(shared);
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
