package org.suggestionbox.platform.anonymity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.suggestionbox.events.SealedIdentity;
import tools.jackson.databind.json.JsonMapper;

class KeyRingTests {

    private static final SealedContact NOA = new SealedContact("noa", "noa@example.test", "he", "U0NOA", null);

    private final JsonMapper jsonMapper = JsonMapper.builder().build();

    @Test
    void aRingIsReadFromOneVariableAndWrittenBack() {
        String k1 = randomKey();
        String k2 = randomKey();

        Map<String, String> ring = KeyRing.parse(" k1:" + k1 + " ,k2:" + k2 + ",");

        assertThat(ring).containsExactly(Map.entry("k1", k1), Map.entry("k2", k2));
        assertThat(KeyRing.parse(KeyRing.format(ring))).isEqualTo(ring);
        assertThat(KeyRing.parse("  ")).isEmpty();
    }

    @Test
    void malformedRingsAreRefusedWithoutShowingAKey() {
        String key = randomKey();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> KeyRing.parse(key))
                .withMessageNotContaining(key)
                .withMessageContaining("entry 1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KeyRing.parse("k1:" + key + ",k1:" + randomKey()))
                .withMessageContaining("'k1' twice");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KeyRing.parse("k1:not base64!"))
                .withMessageContaining("not base64");
    }

    @Test
    void theRingAndTheKeysMapAddUpButMayNotDisagree() {
        String k1 = randomKey();
        String k2 = randomKey();

        assertThat(new AnonymityProperties("k2", Map.of("k1", k1), "k2:" + k2).ring())
                .containsOnlyKeys("k1", "k2");
        assertThat(new AnonymityProperties("k1", Map.of("k1", k1), "k1:" + k1).ring())
                .containsOnlyKeys("k1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AnonymityProperties("k1", Map.of("k1", k1), "k1:" + k2).ring());
    }

    /** Issue #11: rotate twice, the active key moves 1 → 2 → 3, and what each key sealed still opens. */
    @Test
    void rotatingTwiceKeepsWhatEveryKeySealedOpenable() {
        Map<String, String> ring = new LinkedHashMap<>();
        ring.put("2026-01", randomKey());
        SealedIdentity first = sealer("2026-01", ring).seal(NOA);

        ring.put("2026-02", randomKey());
        SealedIdentity second = sealer("2026-02", ring).seal(NOA);

        ring.put("2026-03", randomKey());
        IdentitySealer third = sealer("2026-03", ring);
        SealedIdentity sealedNow = third.seal(NOA);

        assertThat(java.util.List.of(first, second, sealedNow))
                .extracting(SealedIdentity::keyId)
                .containsExactly("2026-01", "2026-02", "2026-03");
        assertThat(java.util.List.of(first, second, sealedNow))
                .allSatisfy(identity -> assertThat(third.open(identity)).isEqualTo(NOA));
    }

    private IdentitySealer sealer(String activeKeyId, Map<String, String> ring) {
        return new IdentitySealer(
                activeKeyId, new AnonymityProperties(activeKeyId, Map.of(), KeyRing.format(ring)).ring(), jsonMapper);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
