package org.suggestionbox.notifier.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The opaque reference the notifier stores instead of a person: HMAC-SHA256 of the person id under
 * a secret key, in hex. Stable (the inbox finds a person's messages by it) but not reversible
 * without the key, so an anonymous submitter is not named anywhere in the notifier's database or in
 * its proof events.
 * <p>
 * What leaves the notifier ({@code notifications.delivered.v1}, the delivery ledger behind it) uses
 * {@link #onProof}: for an anonymous submitter a reference made per idea, so nobody who reads the
 * proofs can tie an anonymous idea to the same person's named ideas, or two anonymous ideas to each
 * other. The person's own reference ({@link #of}) stays for what is theirs: their inbox and preferences.
 */
public class RecipientRefs {

    private final SecretKeySpec key;
    /** A MAC per thread, keyed once: looking up the algorithm and keying it per reference cost more than hashing. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public RecipientRefs(String secret) {
        if (secret.isBlank()) {
            throw new IllegalArgumentException("suggestionbox.notifier.recipient-ref-key must not be blank");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(String personId) {
        return hmac(personId);
    }

    /**
     * The reference a delivery is proven under: the person's reference, or for an anonymous submitter one
     * made for this idea alone (a different input to the same keyed HMAC, so it matches no person's
     * reference and no other idea's).
     */
    public String onProof(String personId, boolean anonymous, UUID ideaId) {
        return anonymous ? hmac("anonymous-idea\u0000" + ideaId + "\u0000" + personId) : hmac(personId);
    }

    private String hmac(String input) {
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
