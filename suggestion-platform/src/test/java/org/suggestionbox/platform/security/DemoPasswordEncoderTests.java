package org.suggestionbox.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoPasswordEncoderTests {

    private final DemoPasswordEncoder encoder = new DemoPasswordEncoder();

    @Test
    void theDemoPasswordMatchesItsEncoding() {
        assertThat(encoder.matches("demo", encoder.encode("demo"))).isTrue();
    }

    @Test
    void anyOtherPasswordIsRefused() {
        String encoded = encoder.encode("demo");

        assertThat(encoder.matches("Demo", encoded)).isFalse();
        assertThat(encoder.matches("demo ", encoded)).isFalse();
        assertThat(encoder.matches("", encoded)).isFalse();
    }

    @Test
    void anEncodingThatIsNoDigestMatchesNothing() {
        assertThat(encoder.matches("demo", "{bcrypt}$2a$04$abc")).isFalse();
        assertThat(encoder.matches("demo", "")).isFalse();
    }

    @Test
    void theEncodingIsNotThePassword() {
        assertThat(encoder.encode("demo")).doesNotContain("demo").hasSize(64);
    }
}
