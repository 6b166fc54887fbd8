package org.suggestionbox.notifier.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the notifier calls outside APIs (Slack, Teams, webhooks), on top of the outbound destination
 * policy ({@code suggestionbox.outbound.*}, which decides where calls may go). The in-call retry is
 * small on purpose: the listener container's retries (or, for people's own URLs, the ledger's) stay
 * the outer guarantee.
 *
 * @param connectTimeout how long a connection may take
 * @param requestTimeout how long a whole request may take, answer included
 * @param retryAttempts attempts per call, the first included
 * @param retryWait the pause between two attempts of one call
 * @param breakerFailureRate the failure rate (percent) that opens a destination's circuit breaker (one per
 *        channel, host and port)
 * @param breakerMinimumCalls calls in the window before the failure rate counts
 * @param breakerWindow the number of calls the failure rate is computed over
 * @param breakerOpenFor how long an open breaker rejects calls before it lets a few through again
 */
@ConfigurationProperties("suggestionbox.notifier.outbound")
record OutboundProperties(
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration requestTimeout,
        @DefaultValue("2") int retryAttempts,
        @DefaultValue("200ms") Duration retryWait,
        @DefaultValue("50") float breakerFailureRate,
        @DefaultValue("10") int breakerMinimumCalls,
        @DefaultValue("20") int breakerWindow,
        @DefaultValue("30s") Duration breakerOpenFor) {}
