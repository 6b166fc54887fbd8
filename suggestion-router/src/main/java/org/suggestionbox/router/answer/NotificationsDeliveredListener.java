package org.suggestionbox.router.answer;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.NotificationDelivered;
import org.suggestionbox.events.NotificationEvent;
import org.suggestionbox.events.NotificationFailed;
import org.suggestionbox.events.Topics;

/**
 * Consumes {@link Topics#NOTIFICATIONS_DELIVERED}; the work happens in {@link AnswerService}.
 * <p>
 * The notifier proves every delivery on that topic, several per idea, and only a decision delivered to its
 * submitter changes anything here; no person waits on this listener. So the broker holds each fetch for up to
 * {@value #PROOFS_WAIT_MS} ms to gather proofs into one poll and one offset commit, instead of answering every
 * proof with a poll of one: at 50 ideas a second the polls of one proof each were about a seventh of the
 * router's CPU (JFR, issue #13), and answer tracking lags by at most that half second. A retry after a failed
 * proof fetches again with the same wait, so it too comes up to half a second later; a longer wait on every idle
 * consumer slowed every retry (taken back before), which is why only this listener waits, and only Kafka's default.
 */
@Component
class NotificationsDeliveredListener {

    /** How long the broker may hold a fetch of proofs for more to arrive (Kafka's default wait). */
    static final int PROOFS_WAIT_MS = 500;

    /** More bytes than half a second of proofs, so a fetch waits the time out unless a backlog is read. */
    static final int PROOFS_MIN_BYTES = 1024 * 1024;

    private final AnswerService answers;

    NotificationsDeliveredListener(AnswerService answers) {
        this.answers = answers;
    }

    @KafkaListener(
            id = "router-notifications",
            topics = Topics.NOTIFICATIONS_DELIVERED,
            groupId = "${spring.application.name}",
            properties = {
                "fetch.max.wait.ms=" + PROOFS_WAIT_MS,
                "fetch.min.bytes=" + PROOFS_MIN_BYTES,
            })
    void on(NotificationEvent event) {
        switch (event) {
            case NotificationDelivered delivered -> answers.delivered(delivered);
            case NotificationFailed failed -> answers.failed(failed);
        }
    }
}
