package org.suggestionbox.notifier.lifecycle;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.IdeaLifecycleEvent;
import org.suggestionbox.events.Topics;

/**
 * Consumes {@link Topics#IDEAS_LIFECYCLE} a poll at a time; the work happens in {@link LifecycleNotifications}.
 * A record that fails (one that could not be read arrives without a value) is named to the error handler by
 * its index, so that it alone is retried and dead-lettered and the records before it are committed.
 */
@Component
class LifecycleListener {

    private final LifecycleNotifications notifications;

    LifecycleListener(LifecycleNotifications notifications) {
        this.notifications = notifications;
    }

    @KafkaListener(
            id = "notifier-lifecycle",
            topics = Topics.IDEAS_LIFECYCLE,
            groupId = "${spring.application.name}",
            batch = "true")
    void on(List<ConsumerRecord<String, @Nullable IdeaLifecycleEvent>> records) {
        notifications.handle(records);
    }
}
