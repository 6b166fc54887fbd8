package org.suggestionbox.notifier.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.suggestionbox.events.DeliveryChannel;

/**
 * Resilience4j around every outside call: a small retry (retryable failures only, per channel)
 * around a circuit breaker per destination (channel, host and port), so that one person's broken
 * Teams or webhook URL opens only its own breaker and everyone else's messages still go out. An open
 * breaker fails calls at once ({@code CallNotPermittedException}) and the delivery is retried later
 * like any other failure. Breakers are kept for at most {@value #MAX_BREAKERS} destinations and
 * dropped after an idle hour, so that people's URLs cannot grow the map without end.
 */
class ResilientCalls {

    private static final Logger LOG = LoggerFactory.getLogger(ResilientCalls.class);
    static final int MAX_BREAKERS = 10_000;
    private static final Duration IDLE = Duration.ofHours(1);

    private final CircuitBreakerConfig breakerConfig;
    private final Cache<String, CircuitBreaker> breakers;
    private final RetryRegistry retries;

    public ResilientCalls(OutboundProperties properties) {
        this.breakerConfig = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.breakerWindow())
                .minimumNumberOfCalls(properties.breakerMinimumCalls())
                .failureRateThreshold(properties.breakerFailureRate())
                .waitDurationInOpenState(properties.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .build();
        this.breakers = Caffeine.newBuilder()
                .maximumSize(MAX_BREAKERS)
                .expireAfterAccess(IDLE)
                .build();
        this.retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(Math.max(1, properties.retryAttempts()))
                .waitDuration(properties.retryWait())
                .retryOnException(failure -> failure instanceof ChannelCallException call && call.retryable())
                .failAfterMaxAttempts(false)
                .build());
    }

    /**
     * @param destination {@code host:port} of the call
     */
    public <T> T call(DeliveryChannel channel, String destination, Supplier<T> call) {
        return Retry.decorateSupplier(
                        retry(channel), CircuitBreaker.decorateSupplier(breaker(channel, destination), call))
                .get();
    }

    /** The destination's breaker, e.g. to see its state. */
    public CircuitBreaker breaker(DeliveryChannel channel, String destination) {
        return breakers.get(channel.name() + " " + destination, name -> {
            CircuitBreaker breaker = CircuitBreaker.of(name, breakerConfig);
            // the destination is host and port only: never the path, which may carry a secret
            breaker.getEventPublisher()
                    .onStateTransition(event ->
                            LOG.warn("Circuit breaker of {} {}: {}", channel, destination, event.getStateTransition()));
            return breaker;
        });
    }

    /** How many breakers are kept now. */
    long breakerCount() {
        breakers.cleanUp();
        return breakers.estimatedSize();
    }

    private Retry retry(DeliveryChannel channel) {
        return retries.retry(channel.name());
    }
}
