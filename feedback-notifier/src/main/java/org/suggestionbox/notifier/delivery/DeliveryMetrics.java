package org.suggestionbox.notifier.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.notifier.message.MessageKind;

/**
 * {@code notifications.delivered} (tags {@code channel}, {@code kind}) and
 * {@code notifications.failed} (tag {@code channel}, counted once per delivery given up on).
 * {@link Deliveries} counts only what it proves ({@link Deliveries#proven}): an anonymous submitter's messages on the
 * channels she chose besides her inbox are counted nowhere.
 */
@Component
class DeliveryMetrics {

    private final MeterRegistry registry;
    /** The counters by channel and kind, looked up in the registry once. */
    private final Map<String, Counter> delivered = new ConcurrentHashMap<>();

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void delivered(DeliveryChannel channel, MessageKind kind) {
        delivered
                .computeIfAbsent(
                        channel.name() + " " + kind.name(),
                        key -> Counter.builder("notifications.delivered")
                                .description("Messages delivered, per channel and kind")
                                .tag("channel", channel.name())
                                .tag("kind", kind.name())
                                .register(registry))
                .increment();
    }

    void failed(DeliveryChannel channel) {
        Counter.builder("notifications.failed")
                .description("Messages given up on after the last retry, per channel")
                .tag("channel", channel.name())
                .register(registry)
                .increment();
    }
}
