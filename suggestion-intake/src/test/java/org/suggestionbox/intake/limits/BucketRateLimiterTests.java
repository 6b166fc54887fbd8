package org.suggestionbox.intake.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoCollection;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.suggestionbox.testing.MutableClock;

/**
 * Two limiters on one collection stand for two intake instances (or one before and after a restart):
 * they draw on the same buckets, through Bucket4j's compare-and-swap over single MongoDB documents.
 */
class BucketRateLimiterTests {

    private static final String SECRET = "test-idempotency-secret";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final MongoCollection<Document> buckets = TestMongo.freshCollection();

    private BucketRateLimiter instance(int personLimit, int globalLimit) {
        return instance(SECRET, personLimit, globalLimit);
    }

    private BucketRateLimiter instance(String secret, int personLimit, int globalLimit) {
        return new BucketRateLimiter(
                new MongoBuckets(buckets, clock),
                new PersonBucketKeys(secret),
                personLimit,
                Duration.ofMinutes(1),
                globalLimit,
                Duration.ofMinutes(1));
    }

    @Test
    void twoInstancesShareOnePersonsBudget() {
        BucketRateLimiter first = instance(3, 1000);
        BucketRateLimiter second = instance(3, 1000);

        assertThat(first.tryAcquire("piotr")).isZero();
        assertThat(second.tryAcquire("piotr")).isZero();
        assertThat(first.tryAcquire("piotr")).isZero();
        clock.advance(Duration.ofSeconds(15));

        assertThat(second.tryAcquire("piotr")).isEqualTo(Duration.ofSeconds(45));
        assertThat(first.tryAcquire("jan")).isZero();
        clock.advance(Duration.ofSeconds(45));
        assertThat(second.tryAcquire("piotr")).isZero();
    }

    /**
     * The person's bucket names nobody: its key is a keyed hash of the person id, the same on every instance
     * that holds the secret, and another one for whoever tries without it.
     */
    @Test
    void aPersonsBucketIsKeyedByAHashOfTheirIdThatOnlyTheSecretsHoldersCanCompute() {
        BucketRateLimiter first = instance(2, 1000);
        BucketRateLimiter second = instance(2, 1000);

        assertThat(first.tryAcquire("alice")).isZero();
        assertThat(second.tryAcquire("alice")).isZero();

        assertThat(buckets.find())
                .allSatisfy(bucket -> assertThat(bucket.toJson()).doesNotContainIgnoringCase("alice"));
        assertThat(buckets.find().map(bucket -> bucket.getString("_id")))
                .contains(new PersonBucketKeys(SECRET).of("alice"))
                .allSatisfy(id -> assertThat(id).matches("global|person:[0-9a-f]{64}"));
        // the limit still holds for her across instances; a guessed secret reaches another bucket
        assertThat(first.tryAcquire("alice")).isPositive();
        assertThat(instance("a-guessed-secret", 2, 1000).tryAcquire("alice")).isZero();
        assertThat(new PersonBucketKeys("a-guessed-secret").of("alice"))
                .isNotEqualTo(new PersonBucketKeys(SECRET).of("alice"));
    }

    @Test
    void globalLimitHoldsForEverybodyAcrossInstancesAndGivesThePersonsTokenBack() {
        BucketRateLimiter first = instance(1, 2);
        BucketRateLimiter second = instance(1, 2);

        assertThat(first.tryAcquire("alice")).isZero();
        assertThat(second.tryAcquire("noa")).isZero();
        assertThat(first.tryAcquire("piotr")).isPositive();
        clock.advance(Duration.ofMinutes(1));

        // piotr's own budget was not spent on the refused attempt
        assertThat(second.tryAcquire("piotr")).isZero();
    }

    /**
     * 60 attempts from 8 threads on two instances, for 30 people in turn: exactly 20 each. The rounds are what
     * catches a lost update; one round alone let a race through about once in 36 runs before the state read
     * became part of the swap's condition (see {@link MongoBuckets}).
     */
    @Test
    void concurrentSubmissionsOnTwoInstancesNeverExceedTheLimit() throws Exception {
        List<BucketRateLimiter> instances = List.of(instance(20, 1_000_000), instance(20, 1_000_000));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 30; round++) {
                String person = "maya-" + round;
                List<Callable<Boolean>> attempts = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    BucketRateLimiter limiter = instances.get(i % 2);
                    attempts.add(() -> limiter.tryAcquire(person).isZero());
                }
                int allowed = 0;
                for (Future<Boolean> attempt : pool.invokeAll(attempts)) {
                    allowed += attempt.get() ? 1 : 0;
                }

                assertThat(allowed).as("submissions let through for %s", person).isEqualTo(20);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** 500 people once each, a global limit of 500: its bucket written once per 1 % of the limit, not 500 times. */
    @Test
    void oneInstanceKeepsTheGlobalLimitExactlyWhileWritingItOncePerItsShare() {
        BucketRateLimiter limiter = instance(1000, 500);

        for (int i = 0; i < 500; i++) {
            assertThat(limiter.tryAcquire("person-" + i)).as("submission %d", i).isZero();
        }
        assertThat(limiter.tryAcquire("person-500")).isPositive();

        long swaps = buckets.find(new Document("_id", BucketRateLimiter.GLOBAL))
                .first()
                .getLong("version");
        assertThat(swaps).isBetween(500L / 6, 500L / 6 + 2);
    }

    /** Each of two instances may let through the 1 % it has not written yet, and no more. */
    @Test
    void twoInstancesExceedTheGlobalLimitByNoMoreThanWhatEachHasNotWritten() {
        List<BucketRateLimiter> instances = List.of(instance(1000, 500), instance(1000, 500));

        int allowed = 0;
        for (int i = 0; i < 600; i++) {
            allowed += instances.get(i % 2).tryAcquire("person-" + i).isZero() ? 1 : 0;
        }

        assertThat(allowed).isBetween(500, 500 + 2 * 5);
    }

    /** After a second an instance writes what it took before it takes more, so it sees what the others took. */
    @Test
    void anInstanceCountsAheadOfTheOthersForAtMostASecond() {
        BucketRateLimiter first = instance(1000, 1000);
        BucketRateLimiter second = instance(1000, 1000);
        assertThat(first.tryAcquire("alice")).isZero();
        for (int i = 0; i < 995; i++) {
            assertThat(second.tryAcquire("person-" + i)).isZero();
        }
        clock.advance(BucketRateLimiter.GLOBAL_AHEAD_FOR.plusMillis(1));
        assertThat(second.tryAcquire("noa")).isZero();

        // 3 of the 1,000 are left; the first instance's own copy still says 999
        List<Boolean> allowed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            allowed.add(first.tryAcquire("late-" + i).isZero());
        }
        assertThat(allowed).containsExactly(true, true, true, false, false);
    }

    @Test
    void bucketsFullAgainAreForgottenByTheCleanup() {
        BucketRateLimiter limiter = instance(3, 1000);
        limiter.tryAcquire("lea");
        MongoBuckets store = new MongoBuckets(buckets, clock);

        assertThat(store.forgetExpired(clock.instant())).isZero();
        clock.advance(Duration.ofMinutes(3));
        assertThat(store.forgetExpired(clock.instant())).isEqualTo(2);
        assertThat(buckets.countDocuments()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void unreachableBucketsLetTheSubmissionThrough() {
        // a collection whose every read and write fails, as the driver's do when the server cannot be reached
        MongoCollection<Document> unreachable = (MongoCollection<Document>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {MongoCollection.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("createIndex")) {
                        return "expiresAt_1";
                    }
                    throw new MongoTimeoutException("database unreachable");
                });
        BucketRateLimiter limiter = new BucketRateLimiter(
                new MongoBuckets(unreachable, clock),
                new PersonBucketKeys(SECRET),
                1,
                Duration.ofMinutes(1),
                1,
                Duration.ofMinutes(1));

        assertThat(limiter.tryAcquire("alice")).isZero();
        assertThat(limiter.tryAcquire("alice")).isZero();
    }
}
