package org.suggestionbox.intake.slack;

import com.slack.api.app_backend.SlackSignature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Slack's v0 request signature: {@code v0=hex(HMAC-SHA256(signing secret, "v0:" + timestamp + ":" + raw body))}
 * in {@code X-Slack-Signature}, with {@code X-Slack-Request-Timestamp} at most five minutes away from
 * now in either direction. The HMAC comes from Slack's {@link SlackSignature.Generator}; the compare is
 * constant-time and the clock is injected (Slack's own {@code Verifier} compares with
 * {@code String.equals}, checks only the past and logs the body).
 */
final class SlackSignatureVerifier {

    static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    static final String SIGNATURE_HEADER = "X-Slack-Signature";
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final SlackSignature.Generator generator;
    private final Clock clock;

    SlackSignatureVerifier(String signingSecret, Clock clock) {
        this.generator = new SlackSignature.Generator(signingSecret);
        this.clock = clock;
    }

    boolean isValid(@Nullable String timestamp, @Nullable String signature, String rawBody) {
        if (timestamp == null || signature == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException ex) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - seconds) > WINDOW.toSeconds()) {
            return false;
        }
        String expected = generator.generate(timestamp, rawBody);
        return expected != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    }
}
