package org.suggestionbox.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class SecurityHeadersTests {

    @Test
    void aPageConnectingToAnotherServiceAddsOnlyThatServicesOrigin() {
        String policy = SecurityHeaders.contentSecurityPolicyConnectingTo("https://Ideas.Example.com:8443/router/");

        assertThat(policy)
                .isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY
                        + "; connect-src 'self' https://ideas.example.com:8443");
    }

    @Test
    void theDefaultPortIsLeftOut() {
        assertThat(SecurityHeaders.contentSecurityPolicyConnectingTo("http://localhost"))
                .endsWith("; connect-src 'self' http://localhost");
    }

    @Test
    void onlyHttpUrlsWithAHostAreAllowed() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SecurityHeaders.contentSecurityPolicyConnectingTo("javascript:alert(1)"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SecurityHeaders.contentSecurityPolicyConnectingTo("/router"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SecurityHeaders.contentSecurityPolicyConnectingTo("ftp://files.example.com"));
    }
}
