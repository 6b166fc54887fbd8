package org.suggestionbox.intake.teams;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * A Teams outgoing webhook signs each request: {@code Authorization: HMAC base64(HMAC-SHA256(key,
 * raw body))}, the key being the base64-decoded security token. Compared in constant time.
 */
final class TeamsHmacVerifier {

    private static final String SCHEME = "HMAC ";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    TeamsHmacVerifier(String securityToken) {
        this.key = new SecretKeySpec(Base64.getDecoder().decode(securityToken.strip()), ALGORITHM);
    }

    boolean isValid(@Nullable String authorization, byte[] rawBody) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder()
                    .decode(authorization.substring(SCHEME.length()).strip());
        } catch (IllegalArgumentException ex) {
            return false;
        }
        return MessageDigest.isEqual(sign(rawBody), given);
    }

    byte[] sign(byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(rawBody);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
