package org.suggestionbox.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class KeyedHashTests {

    @Test
    void itIsHmacSha256InHexSoStoredReferencesKeepTheirValue() {
        // RFC 4231, test case 2
        assertThat(new KeyedHash("Jefe", "test.key").hex("what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void aBlankSecretIsRefusedNamingItsProperty() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new KeyedHash(" ", "suggestionbox.notifier.recipient-ref-key"))
                .withMessageContaining("suggestionbox.notifier.recipient-ref-key");
    }
}
