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
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
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
 * read at every later one, so the services' tokens and sessions survive a restart of the local stack.
 */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeyConfiguration.class);

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
            Files.writeString(file, key.toJSONString());
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
            }
            LOG.info("Signing key {} created in {}", key.getKeyID(), file);
            return key;
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot keep the signing key in " + file, ex);
        } catch (ParseException ex) {
            throw new IllegalStateException("The signing key file " + file + " is not an RSA JWK", ex);
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
