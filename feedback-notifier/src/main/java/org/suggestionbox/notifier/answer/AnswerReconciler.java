package org.suggestionbox.notifier.answer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.suggestionbox.notifier.delivery.Deliveries;
import org.suggestionbox.notifier.message.MessageComposer;

/**
 * Proves that every decided idea was answered: a decision the notifier saw more than the grace
 * period ago, whose submitters do not all have it as a sent in-app delivery, is delivered again
 * through {@link Deliveries} (which sends nothing twice). Runs on one instance of the cluster at a
 * time (ShedLock on MongoDB).
 * <p>
 * Metrics: {@code notifications.unanswered.decisions} (gauge, expected 0) and
 * {@code notifications.reconciled} (decisions the reconciler had to deliver again).
 */
@Component
class AnswerReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerReconciler.class);

    private final DecisionLog decisions;
    private final Deliveries deliveries;
    private final MessageComposer composer;
    private final ReconcilerProperties properties;
    private final Clock clock;
    private final Counter reconciled;

    AnswerReconciler(
            DecisionLog decisions,
            Deliveries deliveries,
            MessageComposer composer,
            ReconcilerProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.decisions = decisions;
        this.deliveries = deliveries;
        this.composer = composer;
        this.properties = properties;
        this.clock = clock;
        this.reconciled = Counter.builder("notifications.reconciled")
                .description("Decisions delivered again because a submitter had not received them")
                .register(meters);
        Gauge.builder("notifications.unanswered.decisions", this, AnswerReconciler::unansweredCount)
                .description("Decided ideas whose submitters were not delivered the decision (expected 0)")
                .register(meters);
    }

    /** A decision not (yet) delivered to all its submitters. */
    public record Unanswered(UUID ideaId, Instant decidedAt) {}

    @Scheduled(
            fixedDelayString = "${suggestionbox.notifier.reconciler.interval:1m}",
            initialDelayString = "${suggestionbox.notifier.reconciler.initial-delay:1m}")
    @SchedulerLock(name = "answer-reconciler")
    public void reconcile() {
        Instant now = clock.instant();
        for (Decision decision : decisions.unverified(now.minus(properties.grace()), properties.batch())) {
            try {
                reconcile(decision, now);
            } catch (RuntimeException ex) {
                LOG.warn(
                        "Could not reconcile the decision {} of idea {}; trying again later: {}",
                        decision.sourceEventId(),
                        decision.ideaId(),
                        ex.toString());
            }
        }
    }

    private void reconcile(Decision decision, Instant now) {
        if (answered(decision)) {
            decisions.markAnswered(decision, now);
            return;
        }
        LOG.warn(
                "The decision {} of idea {} has not reached all its submitters; delivering it again",
                decision.sourceEventId(),
                decision.ideaId());
        reconciled.increment();
        try {
            deliveries.deliver(composer.compose(decisions.event(decision)));
        } catch (RuntimeException ex) {
            // a channel other than the inbox may still fail; the inbox is what proves the answer
            LOG.warn(
                    "Delivering decision {} again failed on some channel: {}", decision.sourceEventId(), ex.toString());
        }
        if (answered(decision)) {
            decisions.markAnswered(decision, now);
        }
    }

    /** Decisions older than the grace period that their submitters have not all been delivered. */
    public List<Unanswered> unanswered() {
        return decisions.unverified(clock.instant().minus(properties.grace()), properties.batch()).stream()
                .filter(decision -> !answered(decision))
                .map(decision -> new Unanswered(decision.ideaId(), decision.decidedAt()))
                .toList();
    }

    private double unansweredCount() {
        try {
            return unanswered().size();
        } catch (RuntimeException ex) {
            return Double.NaN;
        }
    }

    private boolean answered(Decision decision) {
        return deliveries.deliveredToAllSubmitters(decision.sourceEventId(), decision.submitterRefs());
    }
}
