package org.suggestionbox.intake.submission;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** How a submission ended: accepted (acknowledged by the broker) or one of the refusals. */
public sealed interface SubmissionResult {

    /**
     * The broker acknowledged the idea.
     *
     * @param trackingUrl where the submitter follows the idea: its page at the router, or for an anonymous
     *        idea its private capability link ({@code /track/{token}}), which opens without sign-in
     *
     * @param replayed true when this answers a repeated Idempotency-Key and nothing new was published
     */
    record Accepted(UUID ideaId, String trackingUrl, String title, boolean anonymous, boolean replayed)
            implements SubmissionResult {

        /** No capability link in logs. */
        @Override
        public String toString() {
            return "Accepted[ideaId=" + ideaId + ", anonymous=" + anonymous + ", replayed=" + replayed + "]";
        }
    }

    /** The idea broke one or more rules; nothing was published. */
    record Invalid(List<FieldViolation> violations) implements SubmissionResult {

        public Invalid {
            violations = List.copyOf(violations);
        }
    }

    /** The Idempotency-Key was used before by the same person for a different idea. */
    record KeyReused() implements SubmissionResult {}

    /** The person submitted too many ideas in a short time. */
    record Throttled(Duration retryAfter) implements SubmissionResult {

        /** {@link #retryAfter} as a {@code Retry-After} header gives it: whole seconds, rounded up, at least one. */
        public long retryAfterSeconds() {
            return wholeSecondsUp(retryAfter);
        }
    }

    /** The broker did not acknowledge in time; nothing was accepted, the person may try again. */
    record Unavailable(Duration retryAfter) implements SubmissionResult {

        /** {@link #retryAfter} as a {@code Retry-After} header gives it: whole seconds, rounded up, at least one. */
        public long retryAfterSeconds() {
            return wholeSecondsUp(retryAfter);
        }
    }

    private static long wholeSecondsUp(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
