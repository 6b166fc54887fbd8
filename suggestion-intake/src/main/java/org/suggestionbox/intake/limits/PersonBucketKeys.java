package org.suggestionbox.intake.limits;

import org.suggestionbox.platform.secrets.KeyedHash;

/**
 * The key of a person's rate-limit bucket: {@code person:} and, in hex, HMAC-SHA256 of the person id under intake's
 * idempotency secret ({@code INTAKE_IDEMPOTENCY_SECRET}), the input prefixed with a label of its own so that it
 * never serves as anything else the secret keys. Every instance that holds the secret computes the same key for the
 * same person, so the limit holds across instances; whoever reads the bucket collection (a backup, a support
 * engineer) can neither tell whose bucket it is nor compute the bucket of a person they guess. A bucket written
 * milliseconds before an anonymous idea was stamped no longer names its submitter.
 */
final class PersonBucketKeys {

    /** Keeps these MACs apart from every other use of the secret. */
    private static final String PURPOSE = "suggestionbox.intake.rate-limit.person\u0000";

    private final KeyedHash hash;

    PersonBucketKeys(String secret) {
        this.hash = new KeyedHash(
                secret, "suggestionbox.intake.idempotency-secret (it keys the rate limit's person buckets)");
    }

    String of(String personId) {
        return "person:" + hash.hex(PURPOSE + personId);
    }
}
