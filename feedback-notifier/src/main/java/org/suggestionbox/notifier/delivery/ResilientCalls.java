package org.suggestionbox.notifier.delivery;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.notifier.config.OutboundProperties;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;

/**
 * Resilience4j around every outside call, per channel: a small retry (retryable failures only)
 * around a circuit breaker, so that a channel that is down is not hammered; an open breaker fails
 * calls at once ({@code CallNotPermittedException}) and the delivery is retried later like any
 * other failure.
 */
public class ResilientCalls {

    private static final Logger LOG = LoggerFactory.getLogger(ResilientCalls.class);

    private final CircuitBreakerRegistry breakers;
    private final RetryRegistry retries;

    public ResilientCalls(OutboundProperties properties) {
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.breakerWindow())
                .minimumNumberOfCalls(properties.breakerMinimumCalls())
                .failureRateThreshold(properties.breakerFailureRate())
                .waitDurationInOpenState(properties.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
        this.retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(Math.max(1, properties.retryAttempts()))
                .waitDuration(properties.retryWait())
                .retryOnException(failure -> failure instanceof ChannelCallException call && call.retryable())
                .failAfterMaxAttempts(false)
                .build());
    }

    public <T> T call(DeliveryChannel channel, Supplier<T> call) {
        return Retry.decorateSupplier(retry(channel), CircuitBreaker.decorateSupplier(breaker(channel), call)).get();
    }

    /** The channel's breaker, e.g. to see its state. */
    public CircuitBreaker breaker(DeliveryChannel channel) {
        return breakers.find(channel.name()).orElseGet(() -> {
            CircuitBreaker breaker = breakers.circuitBreaker(channel.name());
            breaker.getEventPublisher().onStateTransition(event -> LOG.warn("Circuit breaker of {}: {}", channel,
                    event.getStateTransition()));
            return breaker;
        });
    }

    private Retry retry(DeliveryChannel channel) {
        return retries.retry(channel.name());
    }
}
