package org.suggestionbox.notifier.delivery;

import java.util.UUID;
import org.suggestionbox.platform.secrets.KeyedHash;

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

    private final KeyedHash hash;

    public RecipientRefs(String secret) {
        this.hash = new KeyedHash(secret, "suggestionbox.notifier.recipient-ref-key");
    }

    public String of(String personId) {
        return hash.hex(personId);
    }

    /**
     * The reference a delivery is proven under: the person's reference, or for an anonymous submitter one
     * made for this idea alone (a different input to the same keyed HMAC, so it matches no person's
     * reference and no other idea's).
     */
    public String onProof(String personId, boolean anonymous, UUID ideaId) {
        return anonymous ? hash.hex("anonymous-idea\u0000" + ideaId + "\u0000" + personId) : hash.hex(personId);
    }
}
