package org.suggestionbox.platform.anonymity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.suggestionbox.events.SealedIdentity;
import tools.jackson.databind.json.JsonMapper;

class IdentitySealerTests {

    private static final String OLD_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String NEW_KEY =
            Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final SealedContact NOA = new SealedContact("noa", "noa@example.test", "he", "U0NOA", null);

    private final JsonMapper jsonMapper = JsonMapper.builder().build();

    @Test
    void sealedContactOpensAgainAndHidesTheIdentity() {
        IdentitySealer sealer = new IdentitySealer("k1", Map.of("k1", OLD_KEY), jsonMapper);

        SealedIdentity sealed = sealer.seal(NOA);

        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(sealed.ciphertext()).doesNotContain("noa");
        assertThat(new String(Base64.getDecoder().decode(sealed.ciphertext()))).doesNotContain("noa");
        assertThat(sealer.open(sealed)).isEqualTo(NOA);
    }

    @Test
    void sealedContactsAreAllOneLengthSoTheLengthNamesNobody() {
        IdentitySealer sealer = new IdentitySealer("k1", Map.of("k1", OLD_KEY), jsonMapper);
        SealedContact admin = new SealedContact("admin", "admin@example.test", "en", null, null, "t".repeat(43));
        SealedContact longest = new SealedContact(
                "e-" + "7".repeat(34),
                "firstname.middlename.lastname@subsidiary.example.test",
                "pl-PL",
                "U0" + "A".repeat(9),
                "29:" + "x".repeat(90),
                "t".repeat(43));

        assertThat(Stream.of(NOA, admin, longest)
                        .map(contact -> sealer.seal(contact).ciphertext().length())
                        .distinct())
                .hasSize(1);
        assertThat(sealer.open(sealer.seal(longest))).isEqualTo(longest);
    }

    @Test
    void aContactLongerThanTheBlockIsPaddedToTheNextOne() {
        IdentitySealer sealer = new IdentitySealer("k1", Map.of("k1", OLD_KEY), jsonMapper);
        SealedContact huge =
                new SealedContact("p", "x".repeat(IdentitySealer.PADDED_BYTES) + "@example.test", "en", null, null);

        SealedIdentity sealed = sealer.seal(huge);

        assertThat(Base64.getDecoder().decode(sealed.ciphertext())).hasSize(12 + 2 * IdentitySealer.PADDED_BYTES + 16);
        assertThat(sealer.open(sealed)).isEqualTo(huge);
    }

    @Test
    void rotatedKeyRingOpensWhatTheOldKeySealed() {
        SealedIdentity sealedWithOldKey = new IdentitySealer("k1", Map.of("k1", OLD_KEY), jsonMapper).seal(NOA);
        IdentitySealer rotated = new IdentitySealer("k2", Map.of("k1", OLD_KEY, "k2", NEW_KEY), jsonMapper);

        assertThat(rotated.open(sealedWithOldKey)).isEqualTo(NOA);
        assertThat(rotated.seal(NOA).keyId()).isEqualTo("k2");
    }

    @Test
    void tamperedCiphertextOrRelabelledKeyIsRefused() {
        IdentitySealer sealer = new IdentitySealer("k1", Map.of("k1", OLD_KEY, "k2", OLD_KEY), jsonMapper);
        SealedIdentity sealed = sealer.seal(NOA);
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        bytes[bytes.length - 1] ^= 1;

        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        sealer.open(new SealedIdentity("k1", Base64.getEncoder().encodeToString(bytes))));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> sealer.open(new SealedIdentity("k2", sealed.ciphertext())));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> sealer.open(new SealedIdentity("unknown", sealed.ciphertext())));
    }

    @Test
    void trackingTokenTravelsInsideTheSeal() {
        IdentitySealer sealer = new IdentitySealer("k1", Map.of("k1", OLD_KEY), jsonMapper);
        SealedContact withLink =
                new SealedContact("noa", "noa@example.test", "he", null, null, "p7Qd2-_rUuB3kq0mQ9yX1w");

        SealedIdentity sealed = sealer.seal(withLink);

        assertThat(sealed.ciphertext()).doesNotContain("p7Qd2");
        assertThat(sealer.open(sealed).trackingToken()).isEqualTo("p7Qd2-_rUuB3kq0mQ9yX1w");
    }

    @Test
    void identitySealedBeforeTrackingLinksStillOpens() throws Exception {
        // what intake sealed before SealedContact had a tracking token
        byte[] plain = """
                {"personId":"noa","email":"noa@example.test","locale":"he","slackId":"U0NOA","teamsId":null}""".getBytes(StandardCharsets.UTF_8);
        byte[] nonce = new byte[12];
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(
                Cipher.ENCRYPT_MODE,
                new SecretKeySpec(Base64.getDecoder().decode(OLD_KEY), "AES"),
                new GCMParameterSpec(128, nonce));
        cipher.updateAAD("k1".getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(plain);
        String ciphertext = Base64.getEncoder()
                .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                        .put(nonce)
                        .put(sealed)
                        .array());

        SealedContact opened =
                new IdentitySealer("k1", Map.of("k1", OLD_KEY), jsonMapper).open(new SealedIdentity("k1", ciphertext));

        assertThat(opened).isEqualTo(NOA);
        assertThat(opened.trackingToken()).isNull();
    }

    @Test
    void keyOfWrongLengthIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new IdentitySealer("k1", Map.of("k1", "c2hvcnQ="), jsonMapper));
    }
}
