package org.suggestionbox.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks the {@code local} profile's demo password against its SHA-256 digest, in constant time. Not a
 * password hash for stored passwords, and never used outside {@code local}: the one demo password is
 * published configuration of the same process, so a slow salted hash (BCrypt) of it guards nothing, yet
 * costs every request that signs in with HTTP Basic (the local stack's tests and benchmarks sign every
 * API call in). Production takes bearer tokens from the company's provider; Basic is off there.
 */
final class DemoPasswordEncoder implements PasswordEncoder {

    private static final HexFormat HEX = HexFormat.of();

    @Override
    public String encode(@Nullable CharSequence rawPassword) {
        return HEX.formatHex(digest(Objects.requireNonNull(rawPassword, "rawPassword")));
    }

    @Override
    public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        byte[] expected;
        try {
            expected = HEX.parseHex(encodedPassword);
        } catch (IllegalArgumentException ex) {
            return false;
        }
        return MessageDigest.isEqual(digest(rawPassword), expected);
    }

    private static byte[] digest(CharSequence password) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(password.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }
}
