package org.suggestionbox.notifier.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How deliveries to destinations people chose (their own Teams and webhook URLs) are retried: from the
 * delivery ledger, off the Kafka partition, so that one broken URL holds up nobody else's messages.
 *
 * @param maxAttempts attempts per delivery, the first included; after the last it is proven failed
 *        ({@code NotificationFailed}); the inbox has the message all the same
 * @param initialBackOff the pause after the first failure; each next one doubles
 * @param maxBackOff the longest pause
 * @param sweepInterval how often due retries are looked for
 * @param batch at most this many retries per sweep
 * @param lease how long a claimed retry is left alone by other instances before it counts as abandoned
 */
@ConfigurationProperties("suggestionbox.notifier.ledger-retries")
record LedgerRetryProperties(
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("30s") Duration initialBackOff,
        @DefaultValue("30m") Duration maxBackOff,
        @DefaultValue("10s") Duration sweepInterval,
        @DefaultValue("50") int batch,
        @DefaultValue("5m") Duration lease) {

    /** The pause after the given number of failed attempts. */
    public Duration backOff(int failedAttempts) {
        Duration pause = initialBackOff;
        for (int i = 1; i < failedAttempts && pause.compareTo(maxBackOff) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(maxBackOff) > 0 ? maxBackOff : pause;
    }
}
