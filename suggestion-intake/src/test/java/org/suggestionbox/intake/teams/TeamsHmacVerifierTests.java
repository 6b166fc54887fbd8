package org.suggestionbox.intake.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TeamsHmacVerifierTests {

    private static final String TOKEN =
            Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final byte[] BODY =
            "{\"type\":\"message\",\"id\":\"1\",\"text\":\"Idea\"}".getBytes(StandardCharsets.UTF_8);

    private final TeamsHmacVerifier verifier = new TeamsHmacVerifier(TOKEN);

    @Test
    void signatureOfTheRawBodyWithTheDecodedTokenIsValid() {
        // computed independently: printf '%s' "$BODY" | openssl dgst -sha256 -hmac 0123456789abcdef0123456789abcdef
        // -binary | base64
        String expected = Base64.getEncoder().encodeToString(verifier.sign(BODY));

        assertThat(verifier.isValid("HMAC " + expected, BODY)).isTrue();
        assertThat(expected).isEqualTo("chOhKFZcS2yc2D5MsXHkY5lqD+frtNGu8XBsH5ar0Y4=");
    }

    @Test
    void otherBodyOtherTokenOrOtherSchemeIsRefused() {
        String signature = "HMAC " + Base64.getEncoder().encodeToString(verifier.sign(BODY));
        TeamsHmacVerifier otherToken = new TeamsHmacVerifier(Base64.getEncoder().encodeToString(new byte[32]));

        assertThat(verifier.isValid(signature, "{}".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(otherToken.isValid(signature, BODY)).isFalse();
        assertThat(verifier.isValid(signature.replace("HMAC ", "Bearer "), BODY))
                .isFalse();
        assertThat(verifier.isValid("HMAC %%%", BODY)).isFalse();
        assertThat(verifier.isValid(null, BODY)).isFalse();
    }
}
