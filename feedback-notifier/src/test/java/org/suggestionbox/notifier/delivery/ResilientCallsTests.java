package org.suggestionbox.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.suggestionbox.notifier.delivery.DestinationOwner.COMPANY;
import static org.suggestionbox.notifier.delivery.DestinationOwner.PERSON;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.suggestionbox.events.DeliveryChannel;

@ExtendWith(OutputCaptureExtension.class)
class ResilientCallsTests {

    private final ResilientCalls calls = new ResilientCalls(new OutboundProperties(
            Duration.ofSeconds(1), Duration.ofSeconds(1), 2, Duration.ofMillis(1), 50, 4, 4, Duration.ofMinutes(1)));

    @Test
    void aRetryableFailureIsTriedOnceMoreWithinTheCall() {
        AtomicInteger attempts = new AtomicInteger();

        String result = calls.call(DeliveryChannel.SLACK, COMPANY, "slack.com:443", () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new ChannelCallException("SLACK answered HTTP 503", true);
            }
            return "ok";
        });

        assertThat(result).isEqualTo("ok");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aFailureThatCannotHelpIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatExceptionOfType(ChannelCallException.class)
                .isThrownBy(() -> calls.call(DeliveryChannel.TEAMS, COMPANY, "acme.webhook.office.com:443", () -> {
                    attempts.incrementAndGet();
                    throw new ChannelCallException("TEAMS answered HTTP 400", false);
                }));

        assertThat(attempts).hasValue(1);
    }

    @Test
    void aDestinationThatKeepsFailingOpensItsOwnBreakerAndOtherDestinationsOfTheChannelAreStillCalled() {
        int attempts = failing(
                DeliveryChannel.WEBHOOK,
                PERSON,
                "broken.example:443",
                2,
                () -> new ChannelCallException("WEBHOOK answered HTTP 500", true));

        assertThat(attempts).isEqualTo(4);
        assertThat(calls.breaker(DeliveryChannel.WEBHOOK, PERSON, "broken.example:443")
                        .getState())
                .isEqualTo(CircuitBreaker.State.OPEN);
        AtomicInteger refused = new AtomicInteger();
        assertThatExceptionOfType(CallNotPermittedException.class)
                .isThrownBy(() -> calls.call(
                        DeliveryChannel.WEBHOOK, PERSON, "broken.example:443", () -> refused.incrementAndGet()));
        assertThat(refused).hasValue(0);
        assertThat(calls.call(DeliveryChannel.WEBHOOK, PERSON, "working.example:443", () -> "ok"))
                .isEqualTo("ok");
        assertThat(calls.call(DeliveryChannel.WEBHOOK, PERSON, "broken.example:8443", () -> "ok"))
                .isEqualTo("ok");
        assertThat(calls.breaker(DeliveryChannel.WEBHOOK, PERSON, "working.example:443")
                        .getState())
                .isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(calls.call(DeliveryChannel.SLACK, COMPANY, "slack.com:443", () -> "ok"))
                .isEqualTo("ok");
    }

    @Test
    void aDestinationThatAnswersButRefusesOnePersonsMessagesKeepsItsBreakerClosedForEveryoneElse() {
        int attempts = failing(
                DeliveryChannel.TEAMS,
                PERSON,
                "acme.webhook.office.com:443",
                6,
                () -> new ChannelCallException("TEAMS answered HTTP 404", false));

        assertThat(attempts).isEqualTo(6);
        assertThat(calls.breaker(DeliveryChannel.TEAMS, PERSON, "acme.webhook.office.com:443")
                        .getState())
                .isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(calls.call(DeliveryChannel.TEAMS, PERSON, "acme.webhook.office.com:443", () -> "ok"))
                .isEqualTo("ok");
    }

    @Test
    void theNumberOfBreakersIsBounded() {
        for (int i = 0; i < ResilientCalls.MAX_BREAKERS + 500; i++) {
            calls.breaker(DeliveryChannel.WEBHOOK, PERSON, "host" + i + ".example:443");
        }

        assertThat(calls.breakerCount()).isLessThanOrEqualTo(ResilientCalls.MAX_BREAKERS);
    }

    @Test
    void aPersonsOwnDestinationIsNamedNeitherInTheLogNorInTheRefusalItsOpenBreakerGives(CapturedOutput output) {
        failUntilOpen(PERSON, "alice-hooks.example:443");
        failUntilOpen(COMPANY, "receiver.example:443");

        // the refusal is what the delivery ledger keeps as the failure
        assertThatExceptionOfType(CallNotPermittedException.class)
                .isThrownBy(() -> calls.call(DeliveryChannel.WEBHOOK, PERSON, "alice-hooks.example:443", () -> "ok"))
                .satisfies(refusal -> assertThat(Failures.describe(refusal))
                        .contains("WEBHOOK of a person, #")
                        .doesNotContain("alice-hooks"));
        assertThatExceptionOfType(CallNotPermittedException.class)
                .isThrownBy(() -> calls.call(DeliveryChannel.WEBHOOK, COMPANY, "receiver.example:443", () -> "ok"))
                .withMessageContaining("WEBHOOK receiver.example:443");
        assertThat(output)
                .contains("Circuit breaker WEBHOOK of a person, #")
                .contains("Circuit breaker WEBHOOK receiver.example:443: State transition from CLOSED to OPEN")
                .doesNotContain("alice-hooks");
    }

    @Test
    void aPersonsUrlOnAHostTheCompanySendsToHasABreakerApart() {
        failUntilOpen(PERSON, "hooks.example:443");

        assertThat(calls.call(DeliveryChannel.WEBHOOK, COMPANY, "hooks.example:443", () -> "ok"))
                .isEqualTo("ok");
        assertThat(calls.breaker(DeliveryChannel.WEBHOOK, COMPANY, "hooks.example:443")
                        .getState())
                .isEqualTo(CircuitBreaker.State.CLOSED);
    }

    private void failUntilOpen(DestinationOwner owner, String destination) {
        failing(
                DeliveryChannel.WEBHOOK,
                owner,
                destination,
                2,
                () -> new ChannelCallException("WEBHOOK answered HTTP 500", true));
        assertThat(calls.breaker(DeliveryChannel.WEBHOOK, owner, destination).getState())
                .isEqualTo(CircuitBreaker.State.OPEN);
    }

    /** Makes {@code times} calls that each fail with {@code failure}; answers how many attempts were made. */
    private int failing(
            DeliveryChannel channel,
            DestinationOwner owner,
            String destination,
            int times,
            Supplier<ChannelCallException> failure) {
        AtomicInteger attempts = new AtomicInteger();
        for (int i = 0; i < times; i++) {
            assertThatExceptionOfType(ChannelCallException.class)
                    .isThrownBy(() -> calls.call(channel, owner, destination, () -> {
                        attempts.incrementAndGet();
                        throw failure.get();
                    }));
        }
        return attempts.get();
    }
}
