package org.suggestionbox.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.suggestionbox.testing.MutableClock;

/** The Idempotency-Key claims: first come claims, a repeat finds the claim until it expires or is released. */
class RecentSubmissionsTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final RecentSubmissions recent = new RecentSubmissions(100, Duration.ofHours(24), clock);
    private final RecentSubmissions.Key key = new RecentSubmissions.Key("alice", "key-1");

    @Test
    void aRepeatFindsTheFirstClaimWithItsFingerprint() {
        RecentSubmissions.Claim first = recent.claim(key, "fingerprint-1");
        RecentSubmissions.Claim repeat = recent.claim(key, "fingerprint-2");

        assertThat(first).isInstanceOf(RecentSubmissions.Claim.Claimed.class);
        assertThat(repeat)
                .isInstanceOfSatisfying(
                        RecentSubmissions.Claim.Existing.class,
                        existing -> assertThat(existing.entry())
                                .isSameAs(((RecentSubmissions.Claim.Claimed) first).entry())
                                .extracting(RecentSubmissions.Submission::fingerprint)
                                .isEqualTo("fingerprint-1"));
        assertThat(recent.claim(new RecentSubmissions.Key("noa", "key-1"), "fingerprint-1"))
                .isInstanceOf(RecentSubmissions.Claim.Claimed.class);
    }

    @Test
    void aClaimIsForgottenOnceItsTimeToLivePassed() {
        recent.claim(key, "fingerprint-1");

        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(recent.claim(key, "fingerprint-1")).isInstanceOf(RecentSubmissions.Claim.Existing.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(recent.claim(key, "fingerprint-1")).isInstanceOf(RecentSubmissions.Claim.Claimed.class);
    }

    @Test
    void aReleasedClaimMayBeClaimedAgainButAnotherClaimIsNotReleasedByIt() {
        var first = (RecentSubmissions.Claim.Claimed) recent.claim(key, "fingerprint-1");
        recent.release(key, first.entry());
        var second = (RecentSubmissions.Claim.Claimed) recent.claim(key, "fingerprint-1");

        recent.release(key, first.entry());

        assertThat(recent.claim(key, "fingerprint-1"))
                .isInstanceOfSatisfying(
                        RecentSubmissions.Claim.Existing.class,
                        existing -> assertThat(existing.entry()).isSameAs(second.entry()));
    }
}
