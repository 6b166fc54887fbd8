package org.suggestionbox.router.intake;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.suggestionbox.events.IdeaAssigned;
import org.suggestionbox.events.IdeaSubmitted;
import org.suggestionbox.platform.kafka.NonRetryableEventException;
import org.suggestionbox.router.config.RouterProperties;
import org.suggestionbox.router.dashboard.DashboardRecorder;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.outbox.OutboxRelay;
import org.suggestionbox.router.routing.RoutingResult;
import org.suggestionbox.router.similar.SimilarIdeas;
import org.suggestionbox.router.routing.RoutingRequest;
import org.suggestionbox.router.routing.RuleBook;
import org.suggestionbox.router.storage.IdeaStore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Turns a submitted idea into a stored, routed one: owner and deadline chosen, {@code IdeaAssigned}
 * in the outbox, all in one insert. The idea id is the document id, so a redelivered submission
 * finds the idea there and changes nothing.
 */
@Service
class IntakeService {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);

    private final IdeaStore store;
    private final RuleBook rules;
    private final OutboxRelay relay;
    private final DashboardRecorder dashboard;
    private final SimilarIdeas similar;
    private final RouterProperties properties;
    private final Clock clock;
    private final Counter routedByRule;
    private final Counter routedToTriage;

    IntakeService(IdeaStore store, RuleBook rules, OutboxRelay relay, DashboardRecorder dashboard,
            SimilarIdeas similar, RouterProperties properties, Clock clock, MeterRegistry registry) {
        this.store = store;
        this.similar = similar;
        this.dashboard = dashboard;
        this.rules = rules;
        this.relay = relay;
        this.properties = properties;
        this.clock = clock;
        this.routedByRule = routed(registry, "RULE");
        this.routedToTriage = routed(registry, "TRIAGE");
    }

    void accept(IdeaSubmitted submitted) {
        if (submitted.title().isBlank() || submitted.category().isBlank()) {
            throw new NonRetryableEventException("IdeaSubmitted " + submitted.eventId() + " has no title or category");
        }
        Idea idea = Idea.submit(submitted);
        RoutingResult result = rules.route(new RoutingRequest(submitted.category(), submitted.department(),
                submitted.title(), submitted.description()));
        Instant dueBy = clock.instant().plus(properties.deadlines().forCategory(submitted.category()));
        IdeaAssigned assigned = idea.assign(result.owner(), result.ruleId(), result.because(), dueBy, clock);
        try {
            store.insert(idea);
        }
        catch (DuplicateKeyException ex) {
            LOG.debug("Idea {} is known already; submission {} ignored", submitted.ideaId(), submitted.eventId());
            return;
        }
        switch (result) {
            case RoutingResult.Routed routed -> routedByRule.increment();
            case RoutingResult.Unroutable unroutable -> routedToTriage.increment();
        }
        LOG.info("Idea {} assigned to {} ({})", idea.id(), result.owner().id(), result.ruleId());
        dashboard.record(idea, assigned);
        similar.add(idea);
        relay.relay(idea);
    }

    private static Counter routed(MeterRegistry registry, String outcome) {
        return Counter.builder("ideas.routed")
                .description("Ideas given an owner, by a rule or by falling back to triage")
                .tag("outcome", outcome)
                .register(registry);
    }
}
