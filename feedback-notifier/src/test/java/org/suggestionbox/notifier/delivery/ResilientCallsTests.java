package org.suggestionbox.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.notifier.config.OutboundProperties;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

class ResilientCallsTests {

    private final ResilientCalls calls = new ResilientCalls(new OutboundProperties(Duration.ofSeconds(1),
            Duration.ofSeconds(1), 2, Duration.ofMillis(1), 50, 4, 4, Duration.ofMinutes(1)));

    @Test
    void aRetryableFailureIsTriedOnceMoreWithinTheCall() {
        AtomicInteger attempts = new AtomicInteger();

        String result = calls.call(DeliveryChannel.SLACK, () -> {
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

        assertThatExceptionOfType(ChannelCallException.class).isThrownBy(() -> calls.call(DeliveryChannel.TEAMS, () -> {
            attempts.incrementAndGet();
            throw new ChannelCallException("TEAMS answered HTTP 400", false);
        }));

        assertThat(attempts).hasValue(1);
    }

    @Test
    void aChannelThatKeepsFailingOpensItsBreakerAndIsNotCalledWhileOpenWhileOtherChannelsStillAre() {
        AtomicInteger attempts = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            assertThatExceptionOfType(ChannelCallException.class).isThrownBy(() -> calls.call(DeliveryChannel.WEBHOOK,
                    () -> {
                        attempts.incrementAndGet();
                        throw new ChannelCallException("WEBHOOK answered HTTP 500", true);
                    }));
        }
        assertThat(calls.breaker(DeliveryChannel.WEBHOOK).getState()).isEqualTo(CircuitBreaker.State.OPEN);

        assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(() -> calls.call(DeliveryChannel.WEBHOOK,
                () -> attempts.incrementAndGet()));
        assertThat(attempts).hasValue(4);
        assertThat(calls.call(DeliveryChannel.SLACK, () -> "ok")).isEqualTo("ok");
    }
}
