package org.suggestionbox.intake.limits;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.bson.types.Binary;
import org.jspecify.annotations.Nullable;

/**
 * Bucket4j buckets in a MongoDB collection, one document per bucket: {@code _id} the bucket key,
 * {@code state} Bucket4j's serialized state, {@code version} a counter, {@code expiresAt} when a
 * bucket left alone is full again and can be forgotten. (Bucket4j has no MongoDB module at 8.19.0.)
 * <p>
 * Compare-and-swap on single documents only, which MongoDB and the MongoDB-wire server of the local
 * stack both do atomically: a new bucket is an insert (a concurrent insert of the same key fails on
 * the unique {@code _id}), a change is an update conditioned on the version and the state read. A lost race makes
 * Bucket4j read again and retry. The state this instance swapped in last is remembered, so a bucket only this
 * instance changes costs one round trip per change. Synchronous only.
 */
final class MongoBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

    /** How many buckets' last known states this instance keeps. */
    private static final int KNOWN_STATES = 10_000;

    private final MongoCollection<Document> buckets;
    private final ExpirationAfterWriteStrategy expiration;

    /**
     * The state each bucket had after this instance's last successful swap (or read): the next swap is tried
     * against it without reading first, one round trip instead of two. Only a hint: the swap is conditioned on
     * the stored version and state, so a state another instance changed meanwhile makes the swap fail, the
     * hint is dropped, and Bucket4j's retry reads the document.
     */
    private final Cache<String, Known> known =
            Caffeine.newBuilder().maximumSize(KNOWN_STATES).build();

    /** A bucket's version and serialized state as stored. */
    private record Known(long version, byte[] state) {}

    /** Buckets in {@code buckets}, timed by {@code clock}, kept until a minute after they are full again. */
    MongoBuckets(MongoCollection<Document> buckets, Clock clock) {
        this(
                buckets,
                ClientSideConfig.getDefault()
                        .withClientClock(new TimeMeter() {
                            @Override
                            public long currentTimeNanos() {
                                return clock.millis() * 1_000_000;
                            }

                            @Override
                            public boolean isWallClockBased() {
                                return true;
                            }
                        })
                        .withExpirationAfterWriteStrategy(
                                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                        Duration.ofMinutes(1))));
    }

    private MongoBuckets(MongoCollection<Document> buckets, ClientSideConfig config) {
        super(config);
        this.buckets = buckets;
        this.expiration = config.getExpirationAfterWriteStrategy().orElse(ExpirationAfterWriteStrategy.none());
        buckets.createIndex(Indexes.ascending("expiresAt"));
    }

    /** The clock the buckets are timed by, for an optimization that counts ahead of them. */
    TimeMeter clock() {
        return getClientSideConfig().getClientSideClock().orElse(TimeMeter.SYSTEM_MILLISECONDS);
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {

            /** the version read; 0 when there was no document */
            private long version;

            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                @Nullable Known last = known.getIfPresent(key);
                if (last != null) {
                    version = last.version();
                    return Optional.of(last.state());
                }
                @Nullable Document document = buckets.find(eq("_id", key)).first();
                if (document == null) {
                    version = 0;
                    return Optional.empty();
                }
                version = document.getLong("version");
                return Optional.of(document.get("state", Binary.class).getData());
            }

            @Override
            public boolean compareAndSwap(
                    byte[] originalData, byte[] newData, RemoteBucketState newState, Optional<Long> timeoutNanos) {
                long ttl = expiration.calculateTimeToLiveMillis(newState, currentTimeNanos());
                Document values = new Document("state", new Binary(newData)).append("version", version + 1);
                if (ttl > 0) {
                    values.append("expiresAt", Date.from(Instant.ofEpochMilli(currentTimeNanos() / 1_000_000 + ttl)));
                }
                boolean swapped = version == 0 ? insert(values) : update(originalData, values);
                if (swapped) {
                    remember(new Known(version + 1, newData));
                } else {
                    known.invalidate(key);
                }
                return swapped;
            }

            private boolean insert(Document values) {
                try {
                    buckets.insertOne(new Document("_id", key)
                            .append("state", values.get("state"))
                            .append("version", 1L)
                            .append("expiresAt", values.get("expiresAt")));
                    return true;
                } catch (MongoWriteException ex) {
                    if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                        return false;
                    }
                    throw ex;
                }
            }

            private boolean update(byte[] originalData, Document values) {
                // the state read is part of the condition, not only its version: the MongoDB-wire server hands
                // out the stored document while a concurrent update may be changing it, so a read can pair an
                // older state with a newer version; MongoDB itself never returns such a document
                return buckets.updateOne(
                                        and(
                                                eq("_id", key),
                                                eq("version", version),
                                                eq("state", new Binary(originalData))),
                                        new Document("$set", values))
                                .getMatchedCount()
                        == 1;
            }

            /** Keeps the newer of two states two threads of this instance swapped in. */
            private void remember(Known state) {
                known.asMap().merge(key, state, (older, newer) -> newer.version() > older.version() ? newer : older);
            }
        };
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("MongoBuckets is synchronous");
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @Override
    public void removeProxy(String key) {
        known.invalidate(key);
        buckets.deleteOne(eq("_id", key));
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        throw new UnsupportedOperationException("MongoBuckets is synchronous");
    }

    /** Deletes buckets that have been full again for a while; idempotent, so any instance may run it. */
    long forgetExpired(Instant now) {
        return buckets.deleteMany(lt("expiresAt", Date.from(now))).getDeletedCount();
    }
}
