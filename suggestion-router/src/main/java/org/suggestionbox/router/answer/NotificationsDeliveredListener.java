package org.suggestionbox.router.answer;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.NotificationDelivered;
import org.suggestionbox.events.NotificationEvent;
import org.suggestionbox.events.NotificationFailed;
import org.suggestionbox.events.Topics;

/** Consumes {@link Topics#NOTIFICATIONS_DELIVERED}; the work happens in {@link AnswerService}. */
@Component
class NotificationsDeliveredListener {

    private final AnswerService answers;

    NotificationsDeliveredListener(AnswerService answers) {
        this.answers = answers;
    }

    @KafkaListener(
            id = "router-notifications",
            topics = Topics.NOTIFICATIONS_DELIVERED,
            groupId = "${spring.application.name}")
    void on(NotificationEvent event) {
        switch (event) {
            case NotificationDelivered delivered -> answers.delivered(delivered);
            case NotificationFailed failed -> answers.failed(failed);
        }
    }
}
