package org.suggestionbox.router.answer;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.suggestionbox.events.NotificationDelivered;
import org.suggestionbox.events.NotificationFailed;
import org.suggestionbox.events.RecipientRole;
import org.suggestionbox.router.dashboard.DashboardRecorder;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.idea.IdeaId;
import org.suggestionbox.router.lifecycle.Ideas;

/**
 * Answer proof: once the notifier delivered a decision to a submitter, the idea counts as answered.
 * The delivery's event id is remembered in the idea, so a redelivered proof changes nothing; a
 * concurrent change makes the save fail and the listener retries with a fresh read.
 */
@Service
class AnswerService {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerService.class);
    static final String DECISION_EVENT_TYPE = "IdeaDecided";

    private final Ideas ideas;
    private final DashboardRecorder dashboard;

    AnswerService(Ideas ideas, DashboardRecorder dashboard) {
        this.ideas = ideas;
        this.dashboard = dashboard;
    }

    void delivered(NotificationDelivered delivered) {
        if (!DECISION_EVENT_TYPE.equals(delivered.sourceEventType())
                || delivered.recipientRole() != RecipientRole.SUBMITTER) {
            return;
        }
        Optional<Idea> found = ideas.find(new IdeaId(delivered.ideaId()));
        if (found.isEmpty()) {
            LOG.debug("Delivery {} is about unknown idea {}; ignored", delivered.eventId(), delivered.ideaId());
            return;
        }
        Idea idea = found.get();
        if (idea.hasProcessed(delivered.eventId())) {
            LOG.debug("Delivery {} was processed before; ignored", delivered.eventId());
            return;
        }
        if (!idea.state().isDecided()) {
            LOG.debug("Delivery {} for idea {} that is {}; ignored", delivered.eventId(), idea.id(), idea.state());
            return;
        }
        boolean answeredNow = ideas.change(idea, answered -> {
            answered.recordProcessed(delivered.eventId());
            return answered.markAnswered(delivered.occurredAt());
        });
        if (answeredNow) {
            LOG.debug("Idea {} answered: its submitter got the decision on {}", idea.id(), delivered.channel());
            dashboard.answered(idea, delivered.eventId());
        }
    }

    void failed(NotificationFailed failed) {
        LOG.info(
                "Notification about idea {} failed on {} after {} attempts",
                failed.ideaId(),
                failed.channel(),
                failed.attempts());
    }
}
