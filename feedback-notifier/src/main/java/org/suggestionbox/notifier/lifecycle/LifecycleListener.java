package org.suggestionbox.notifier.lifecycle;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.IdeaLifecycleEvent;
import org.suggestionbox.events.Topics;

/** Consumes {@link Topics#IDEAS_LIFECYCLE}; the work happens in {@link LifecycleNotifications}. */
@Component
class LifecycleListener {

    private final LifecycleNotifications notifications;

    LifecycleListener(LifecycleNotifications notifications) {
        this.notifications = notifications;
    }

    @KafkaListener(id = "notifier-lifecycle", topics = Topics.IDEAS_LIFECYCLE, groupId = "${spring.application.name}")
    void on(IdeaLifecycleEvent event) {
        notifications.handle(event);
    }
}
