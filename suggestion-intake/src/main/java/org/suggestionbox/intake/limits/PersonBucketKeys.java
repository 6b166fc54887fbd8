package org.suggestionbox.intake.limits;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

    private final SecretKeySpec key;
    /** A MAC per thread, keyed once. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    PersonBucketKeys(String secret) {
        if (secret.isBlank()) {
            throw new IllegalArgumentException(
                    "suggestionbox.intake.idempotency-secret must not be blank: it keys the rate limit's person buckets");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String of(String personId) {
        byte[] mac = macs.get().doFinal((PURPOSE + personId).getBytes(StandardCharsets.UTF_8));
        return "person:" + HexFormat.of().formatHex(mac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }
}
