package org.suggestionbox.notifier.lifecycle;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Service;
import org.suggestionbox.events.AnswerEscalated;
import org.suggestionbox.events.AnswerReminderDue;
import org.suggestionbox.events.IdeaAssigned;
import org.suggestionbox.events.IdeaDecided;
import org.suggestionbox.events.IdeaImpactMeasured;
import org.suggestionbox.events.IdeaLifecycleEvent;
import org.suggestionbox.events.IdeaMergedAsDuplicate;
import org.suggestionbox.events.IdeaReassigned;
import org.suggestionbox.events.IdeaStatusChanged;
import org.suggestionbox.events.ImpactCheckDue;
import org.suggestionbox.events.RecipientRole;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.notifier.answer.DecisionLog;
import org.suggestionbox.notifier.delivery.ChannelChoices;
import org.suggestionbox.notifier.delivery.Deliveries;
import org.suggestionbox.notifier.delivery.RecipientRefs;
import org.suggestionbox.notifier.message.Message;
import org.suggestionbox.notifier.message.MessageComposer;
import org.suggestionbox.notifier.yousaid.ImplementedIdeas;
import org.suggestionbox.platform.kafka.ConsumedRecords;

/**
 * Tells everyone concerned what happened to an idea: composes the messages, keeps a decision for
 * the proof of answer and an implemented idea for the monthly "You said, we did" digest, then delivers
 * them.
 */
@Service
class LifecycleNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleNotifications.class);

    private final MessageComposer composer;
    private final Deliveries deliveries;
    private final DecisionLog decisions;
    private final Clock clock;
    private final ChannelChoices choices;
    private final ImplementedIdeas implemented;
    private final RecipientRefs refs;

    LifecycleNotifications(
            MessageComposer composer,
            Deliveries deliveries,
            DecisionLog decisions,
            Clock clock,
            ChannelChoices choices,
            ImplementedIdeas implemented,
            RecipientRefs refs) {
        this.composer = composer;
        this.refs = refs;
        this.implemented = implemented;
        this.choices = choices;
        this.deliveries = deliveries;
        this.decisions = decisions;
        this.clock = clock;
    }

    /**
     * Handles a poll's records together: composes their messages, then delivers them all at once. Stops
     * at the first record that cannot be read or composed; the records before it are delivered.
     *
     * @throws BatchListenerFailedException naming the first record that failed, for the error handler to
     *         retry it (and those after it) or dead-letter it alone
     */
    void handle(List<ConsumerRecord<String, @Nullable IdeaLifecycleEvent>> records) {
        choices.remembering(() -> {
            handleRemembering(records);
            return records.size();
        });
    }

    private void handleRemembering(List<ConsumerRecord<String, @Nullable IdeaLifecycleEvent>> records) {
        choices.readAhead(records.stream()
                .map(ConsumerRecord::value)
                .filter(Objects::nonNull)
                .flatMap(event -> peopleNamed(event).stream())
                .distinct()
                .map(refs::of)
                .toList());
        List<List<Message>> messages = new ArrayList<>(records.size());
        BatchListenerFailedException unreadable = null;
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<String, @Nullable IdeaLifecycleEvent> record = records.get(index);
            try {
                messages.add(compose(ConsumedRecords.valueOf(record)));
            } catch (RuntimeException ex) {
                unreadable = new BatchListenerFailedException(String.valueOf(ex.getMessage()), ex, record);
                break;
            }
        }
        List<@Nullable RuntimeException> outcomes;
        try {
            outcomes = deliveries.deliverAll(messages);
        } catch (RuntimeException ex) {
            // the database or the broker went away during the bulk: retried from the first record
            throw new BatchListenerFailedException("Delivering a batch failed: " + ex.getMessage(), ex, records.get(0));
        }
        for (int index = 0; index < outcomes.size(); index++) {
            RuntimeException failure = outcomes.get(index);
            if (failure != null) {
                throw new BatchListenerFailedException(
                        String.valueOf(failure.getMessage()), failure, records.get(index));
            }
        }
        if (unreadable != null) {
            throw unreadable;
        }
    }

    /**
     * The people an event names — its owners, and its submitters who are not anonymous — whose choices the composer
     * would otherwise read one query each (their language), a tenth of the notifier's CPU at 50 ideas/s (issue #13):
     * a poll reads them together first. Supporters, managers and anonymous submitters are read as they are reached.
     */
    static List<String> peopleNamed(IdeaLifecycleEvent event) {
        return switch (event) {
            case IdeaAssigned assigned -> named(assigned.submitters(), assigned.ownerId());
            case IdeaReassigned reassigned ->
                named(reassigned.submitters(), reassigned.ownerId(), reassigned.previousOwnerId());
            case IdeaDecided decided -> named(decided.submitters(), decided.ownerId());
            case IdeaStatusChanged changed -> named(changed.submitters(), changed.ownerId());
            case IdeaMergedAsDuplicate merged -> named(merged.submitters(), merged.ownerId());
            case AnswerReminderDue due -> named(List.of(), due.ownerId());
            case AnswerEscalated escalated ->
                named(escalated.submitters(), escalated.ownerId(), escalated.escalatedToId());
            case ImpactCheckDue due -> named(List.of(), due.ownerId());
            case IdeaImpactMeasured measured -> named(measured.submitters(), measured.ownerId());
        };
    }

    private static List<String> named(List<Submitter> submitters, String... owners) {
        List<String> people = new ArrayList<>(List.of(owners));
        submitters.stream().map(Submitter::personId).filter(Objects::nonNull).forEach(people::add);
        return people;
    }

    /** One event's messages, its decision kept for the proof of answer, an implemented idea for the digest. */
    private List<Message> compose(IdeaLifecycleEvent event) {
        List<Message> messages = composer.compose(event);
        implemented.remember(event);
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
        return messages;
    }
}
