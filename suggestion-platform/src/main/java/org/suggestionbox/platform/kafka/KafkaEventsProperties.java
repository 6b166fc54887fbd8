package org.suggestionbox.platform.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param partitions partitions of every topic and of its dead-letter topic
 * @param replicationFactor replicas per partition (1 for a single local broker)
 * @param retries how often a record failing for itself is retried before it goes to the dead-letter topic
 *        (one failing because the database or the broker is away is retried until it succeeds)
 * @param initialBackOff the first pause between retries; each next one doubles
 * @param maxBackOff the longest pause between retries
 * @param commitInterval how often a listener commits the offsets of the records it has handled; a crash or a kill
 *        hands at most this much of them to the next consumer again, which takes them as already seen
 * @param linger how a busy batch listener gathers its records ({@link BusyListenerLinger})
 */
@ConfigurationProperties("suggestionbox.kafka")
public record KafkaEventsProperties(
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("3") int retries,
        @DefaultValue("200ms") Duration initialBackOff,
        @DefaultValue("2s") Duration maxBackOff,
        @DefaultValue("1s") Duration commitInterval,
        @DefaultValue Linger linger) {

    /**
     * @param time the longest a busy listener's consumer waits after a small poll before the next; {@code 0} never
     * @param busyRate the records a second (of the listener's container, its threads together) from which it is busy
     * @param smallPoll a poll of fewer records than this is followed by the wait
     * @param gather how many records the wait is for: at the rate of the last second it lasts as long as this many
     *     take to come, up to {@code time}
     */
    public record Linger(
            @DefaultValue("50ms") Duration time,
            @DefaultValue("40") int busyRate,
            @DefaultValue("10") int smallPoll,
            @DefaultValue("3") int gather) {}
}
