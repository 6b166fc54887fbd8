package org.suggestionbox.signin.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
    void onlyTheOwnerMayReadTheKeyFile(@TempDir Path directory) throws Exception {
        assumeTrue(Files.getFileStore(directory).supportsFileAttributeView("posix"), "a POSIX file system");
        Path file = directory.resolve("signin-jwk.json");

        SigningKeyConfiguration.readOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(directory).isDirectoryNotContaining(path -> !path.equals(file));
    }

    @Test
    void theKeyIsWrittenToANewFileOfItsOwnNotThroughWhatWasAtItsPath(@TempDir Path directory) throws Exception {
        assumeTrue(Files.getFileStore(directory).supportsFileAttributeView("posix"), "a POSIX file system");
        // given a link where the key file is to be created, to a file that does not exist yet
        Path elsewhere = directory.resolve("elsewhere.json");
        Path file = Files.createSymbolicLink(directory.resolve("signin-jwk.json"), elsewhere);

        // when
        RSAKey key = SigningKeyConfiguration.readOrCreate(file);

        // then the key went into a file of its own, created for the owner alone, and nowhere else
        assertThat(elsewhere).doesNotExist();
        assertThat(Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(SigningKeyConfiguration.readOrCreate(file).getKeyID()).isEqualTo(key.getKeyID());
    }

    @Test
    void withoutAFileEveryStartHasItsOwnKey() {
        assertThat(SigningKeyConfiguration.generate().getKeyID())
                .isNotEqualTo(SigningKeyConfiguration.generate().getKeyID());
    }
}
