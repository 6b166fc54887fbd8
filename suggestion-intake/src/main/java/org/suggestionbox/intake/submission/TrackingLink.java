package org.suggestionbox.intake.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The private tracking link of an anonymous idea: a capability URL at the router,
 * {@code /track/{token}}. The token is 256 random bits, URL-safe base64 without padding. It is kept
 * nowhere in clear: the router gets its SHA-256 {@link #hash()} on the public event, the token itself
 * travels only inside the sealed identity (for the notifier's messages) and in the answer to the
 * submitter.
 */
record TrackingLink(String token, String hash) {

    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    static TrackingLink create() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new TrackingLink(token, hashOf(token));
    }

    /** SHA-256 of the token's characters, lowercase hex: what the router stores and looks up. */
    static String hashOf(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** No token in logs. */
    @Override
    public String toString() {
        return "TrackingLink[hash=" + hash + "]";
    }
}
