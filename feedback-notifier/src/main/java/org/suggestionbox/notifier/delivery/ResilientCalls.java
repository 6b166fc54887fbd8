package org.suggestionbox.notifier.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
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
 * <p>
 * A breaker's name shows in its log lines and in the {@code CallNotPermittedException} an open one throws, which the
 * delivery ledger keeps as the failure. The company's destinations are named by channel, host and port; a person's
 * own only by channel and a number this instance gave its breaker, and a person's URL on a host the company also
 * sends to has a breaker apart from the company's ({@link DestinationOwner}).
 */
class ResilientCalls {

    private static final Logger LOG = LoggerFactory.getLogger(ResilientCalls.class);
    static final int MAX_BREAKERS = 10_000;
    private static final Duration IDLE = Duration.ofHours(1);

    private final CircuitBreakerConfig breakerConfig;
    private final Cache<String, CircuitBreaker> breakers;
    private final RetryRegistry retries;

    /** Breakers made for people's own destinations so far: the number in each one's name. */
    private final AtomicLong personalBreakers = new AtomicLong();

    public ResilientCalls(OutboundProperties properties) {
        this.breakerConfig = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.breakerWindow())
                .minimumNumberOfCalls(properties.breakerMinimumCalls())
                .failureRateThreshold(properties.breakerFailureRate())
                .waitDurationInOpenState(properties.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                // a destination that answers and refuses one message (a deleted Teams webhook's 404, Slack's
                // channel_not_found) is up: only what a retry could help (429, 5xx, no answer) counts against it, so
                // one person's broken URL on a host everyone's URLs share opens no breaker for the others
                .recordException(failure -> !(failure instanceof ChannelCallException call) || call.retryable())
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
    public <T> T call(DeliveryChannel channel, DestinationOwner owner, String destination, Supplier<T> call) {
        return Retry.decorateSupplier(
                        retry(channel), CircuitBreaker.decorateSupplier(breaker(channel, owner, destination), call))
                .get();
    }

    /** The destination's breaker, e.g. to see its state. */
    public CircuitBreaker breaker(DeliveryChannel channel, DestinationOwner owner, String destination) {
        return breakers.get(channel.name() + " " + owner + " " + destination, key -> {
            CircuitBreaker breaker = CircuitBreaker.of(name(channel, owner, destination), breakerConfig);
            breaker.getEventPublisher()
                    .onStateTransition(
                            event -> LOG.warn("Circuit breaker {}: {}", breaker.getName(), event.getStateTransition()));
            return breaker;
        });
    }

    /** Host and port only for the company's, never the path, which may carry a secret; nothing of a person's. */
    private String name(DeliveryChannel channel, DestinationOwner owner, String destination) {
        return switch (owner) {
            case COMPANY -> channel + " " + destination;
            case PERSON -> channel + " of a person, #" + personalBreakers.incrementAndGet();
        };
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
