package org.suggestionbox.platform.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under a service's secret, in hex: how a service stores a reference to a person that nobody without
 * the secret can reverse or compute for a person they guess (the notifier's recipient references, intake's rate-limit
 * buckets). Each use puts a label of its own before its input where it shares a secret with another use.
 */
public final class KeyedHash {

    private final SecretKeySpec key;
    /** A MAC per thread, keyed once: looking up the algorithm and keying it per hash cost more than hashing. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /** @throws IllegalArgumentException when {@code secret} is blank; {@code property} names it in the message */
    public KeyedHash(String secret, String property) {
        if (secret.isBlank()) {
            throw new IllegalArgumentException(property + " must not be blank");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** HMAC-SHA256 of {@code input} (UTF-8) under the secret, 64 hex digits. */
    public String hex(String input) {
        return HexFormat.of().formatHex(macs.get().doFinal(input.getBytes(StandardCharsets.UTF_8)));
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
