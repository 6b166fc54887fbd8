package org.suggestionbox.notifier.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** {@code sha256=<hex of HMAC-SHA256(secret, raw body)>}, the value of {@code X-SuggestionBox-Signature}. */
final class WebhookSignature {

    static final String HEADER = "X-SuggestionBox-Signature";
    static final String TIMESTAMP_HEADER = "X-SuggestionBox-Timestamp";

    private WebhookSignature() {}

    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }
}
