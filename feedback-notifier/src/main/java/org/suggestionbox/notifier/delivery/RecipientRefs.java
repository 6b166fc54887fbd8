package org.suggestionbox.notifier.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;


/**
 * The opaque reference the notifier stores instead of a person: HMAC-SHA256 of the person id under
 * a secret key, in hex. Stable (the inbox finds a person's messages by it) but not reversible
 * without the key, so an anonymous submitter is not named anywhere in the notifier's database or in
 * its proof events.
 */
public class RecipientRefs {

    private final SecretKeySpec key;

    public RecipientRefs(String secret) {
        if (secret.isBlank()) {
            throw new IllegalArgumentException("suggestionbox.notifier.recipient-ref-key must not be blank");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(String personId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(personId.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }
}
