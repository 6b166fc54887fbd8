package org.suggestionbox.intake.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SlackSignatureTests {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    private static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U0ALICE&user_name=alice&command=%2Fidea"
            + "&text=Quieter+meeting+rooms&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F1"
            + "&trigger_id=397118842807.320436633728.6e3d0ee6ed0ae1bb0d4e5e1f4e4f2f21";

    private final SlackSignatureVerifier verifier =
            new SlackSignatureVerifier(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void signatureOverTheRawBodyWithAFreshTimestampIsValid() {
        String timestamp = seconds(NOW.minusSeconds(30));

        assertThat(verifier.isValid(timestamp, sign(SECRET, timestamp, BODY), BODY))
                .isTrue();
    }

    @Test
    void signatureMadeWithAnotherSecretIsRefused() {
        String timestamp = seconds(NOW);

        assertThat(verifier.isValid(timestamp, sign("another-secret", timestamp, BODY), BODY))
                .isFalse();
    }

    @Test
    void bodyChangedAfterSigningIsRefused() {
        String timestamp = seconds(NOW);

        assertThat(verifier.isValid(timestamp, sign(SECRET, timestamp, BODY), BODY.replace("alice", "noa")))
                .isFalse();
    }

    @Test
    void signatureForAnotherTimestampIsRefused() {
        String signedAt = seconds(NOW);

        assertThat(verifier.isValid(seconds(NOW.plusSeconds(1)), sign(SECRET, signedAt, BODY), BODY))
                .isFalse();
    }

    @Test
    void timestampSixMinutesOldIsRefusedEvenWhenCorrectlySigned() {
        String stale = seconds(NOW.minus(Duration.ofMinutes(6)));

        assertThat(verifier.isValid(stale, sign(SECRET, stale, BODY), BODY)).isFalse();
    }

    @Test
    void timestampSixMinutesInTheFutureIsRefusedEvenWhenCorrectlySigned() {
        String future = seconds(NOW.plus(Duration.ofMinutes(6)));

        assertThat(verifier.isValid(future, sign(SECRET, future, BODY), BODY)).isFalse();
    }

    @Test
    void timestampsJustInsideTheFiveMinuteWindowAreAccepted() {
        String past = seconds(NOW.minus(Duration.ofMinutes(5)));
        String future = seconds(NOW.plus(Duration.ofMinutes(5)));

        assertThat(verifier.isValid(past, sign(SECRET, past, BODY), BODY)).isTrue();
        assertThat(verifier.isValid(future, sign(SECRET, future, BODY), BODY)).isTrue();
    }

    @Test
    void missingHeadersAreRefused() {
        String timestamp = seconds(NOW);
        String signature = sign(SECRET, timestamp, BODY);

        assertThat(verifier.isValid(null, signature, BODY)).isFalse();
        assertThat(verifier.isValid(timestamp, null, BODY)).isFalse();
        assertThat(verifier.isValid(null, null, BODY)).isFalse();
    }

    @Test
    void malformedTimestampOrSignatureIsRefused() {
        String timestamp = seconds(NOW);

        assertThat(verifier.isValid("yesterday", sign(SECRET, "yesterday", BODY), BODY))
                .isFalse();
        assertThat(verifier.isValid(timestamp, "v0=", BODY)).isFalse();
        assertThat(verifier.isValid(timestamp, sign(SECRET, timestamp, BODY).replace("v0=", "v1="), BODY))
                .isFalse();
    }

    private static String sign(String secret, String timestamp, String body) {
        return new SlackSignature.Generator(secret).generate(timestamp, body);
    }

    private static String seconds(Instant instant) {
        return Long.toString(instant.getEpochSecond());
    }
}
