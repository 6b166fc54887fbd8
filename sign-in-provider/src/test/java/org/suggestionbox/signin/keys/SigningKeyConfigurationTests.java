package org.suggestionbox.signin.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyConfigurationTests {

    @Test
    void keyFileKeepsTheSameKeyAcrossRestarts(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("stack/signin-jwk.json");

        RSAKey first = SigningKeyConfiguration.readOrCreate(file);
        RSAKey second = SigningKeyConfiguration.readOrCreate(file);

        assertThat(Files.exists(file)).isTrue();
        assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(second.toRSAPublicKey()).isEqualTo(first.toRSAPublicKey());
        assertThat(second.isPrivate()).isTrue();
    }

    @Test
    void withoutAFileEveryStartHasItsOwnKey() {
        assertThat(SigningKeyConfiguration.generate().getKeyID())
                .isNotEqualTo(SigningKeyConfiguration.generate().getKeyID());
    }
}
