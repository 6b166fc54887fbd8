package org.suggestionbox.notifier.lifecycle;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.suggestionbox.events.IdeaDecided;
import org.suggestionbox.events.IdeaLifecycleEvent;
import org.suggestionbox.events.RecipientRole;
import org.suggestionbox.notifier.answer.DecisionLog;
import org.suggestionbox.notifier.delivery.Deliveries;
import org.suggestionbox.notifier.message.Message;
import org.suggestionbox.notifier.message.MessageComposer;

/**
 * Tells everyone concerned what happened to an idea: composes the messages, keeps a decision for
 * the proof of answer, then delivers them.
 */
@Service
class LifecycleNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleNotifications.class);

    private final MessageComposer composer;
    private final Deliveries deliveries;
    private final DecisionLog decisions;
    private final Clock clock;

    LifecycleNotifications(MessageComposer composer, Deliveries deliveries, DecisionLog decisions, Clock clock) {
        this.composer = composer;
        this.deliveries = deliveries;
        this.decisions = decisions;
        this.clock = clock;
    }

    void handle(IdeaLifecycleEvent event) {
        List<Message> messages = composer.compose(event);
        LOG.debug(
                "{} {} of idea {}: {} messages",
                event.getClass().getSimpleName(),
                event.eventId(),
                event.ideaId(),
                messages.size());
        if (event instanceof IdeaDecided decided) {
            decisions.record(
                    decided,
                    messages.stream()
                            .filter(message -> message.recipient().role() == RecipientRole.SUBMITTER)
                            .map(deliveries::proofRef)
                            .toList(),
                    clock.instant());
        }
        deliveries.deliver(messages);
    }
}
