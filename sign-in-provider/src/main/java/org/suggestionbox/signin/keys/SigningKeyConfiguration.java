package org.suggestionbox.signin.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.suggestionbox.signin.SignInProperties;

/**
 * The RSA key every token (and every back-channel logout token) is signed with, published at
 * {@code /oauth2/jwks}. With {@code signin.jwk-location} set, the key is kept in that file: created at first start,
 * read at every later one, so the services' tokens and sessions survive a restart of the local stack. Only its
 * owner may read that file.
 */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeyConfiguration.class);

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    @Bean
    JWKSource<SecurityContext> jwkSource(SignInProperties properties) {
        String location = properties.jwkLocationOrNull();
        RSAKey key = location == null ? generate() : readOrCreate(Path.of(location));
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    static RSAKey readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                RSAKey key = RSAKey.parse(Files.readString(file));
                if (!key.isPrivate()) {
                    throw new IllegalStateException("The signing key file " + file + " holds no private key");
                }
                LOG.info("Signing key {} read from {}", key.getKeyID(), file);
                return key;
            }
            RSAKey key = generate();
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            writeOwnerOnly(file, key.toJSONString());
            LOG.info("Signing key {} created in {}", key.getKeyID(), file);
            return key;
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot keep the signing key in " + file, ex);
        } catch (ParseException ex) {
            throw new IllegalStateException("The signing key file " + file + " is not an RSA JWK", ex);
        }
    }

    /**
     * Writes the key into a new file that only its owner may read from the start (on POSIX file systems), then moves
     * it into place whole: the private key is never readable by others, not even for a moment, nor half written,
     * and it is never written through whatever was at the path before (a link to elsewhere is replaced).
     */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path directory = Objects.requireNonNull(file.toAbsolutePath().getParent());
        String prefix = "." + file.getFileName();
        Path written = directory.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(directory, prefix, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(directory, prefix, ".tmp");
        try {
            Files.writeString(written, content, StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(written);
        }
    }

    static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException ex) {
            throw new IllegalStateException("Cannot generate the signing key", ex);
        }
    }
}
