package org.suggestionbox.router.assignment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.suggestionbox.events.IdeaSubmitted;
import org.suggestionbox.platform.kafka.NonRetryableEventException;
import org.suggestionbox.router.config.RouterProperties;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.lifecycle.Ideas;
import org.suggestionbox.router.routing.RoutingRequest;
import org.suggestionbox.router.routing.RoutingResult;
import org.suggestionbox.router.routing.RuleBook;

/**
 * Turns a submitted idea into a stored, routed one: owner and deadline chosen, {@code IdeaAssigned}
 * in the outbox, all in one insert. The idea id is the document id, so a redelivered submission
 * finds the idea there and changes nothing.
 */
@Service
class AssignmentService {

    private static final Logger LOG = LoggerFactory.getLogger(AssignmentService.class);

    private final Ideas ideas;
    private final RuleBook rules;
    private final RouterProperties properties;
    private final Clock clock;
    private final Counter routedByRule;
    private final Counter routedToTriage;

    AssignmentService(Ideas ideas, RuleBook rules, RouterProperties properties, Clock clock, MeterRegistry registry) {
        this.ideas = ideas;
        this.rules = rules;
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
        RoutingResult result = rules.route(new RoutingRequest(
                submitted.category(), submitted.department(), submitted.title(), submitted.description()));
        Instant dueBy = clock.instant().plus(properties.deadlines().forCategory(submitted.category()));
        idea.assign(result.owner(), result.ruleId(), result.because(), dueBy, clock);
        if (!ideas.create(idea)) {
            LOG.debug("Idea {} is known already; submission {} ignored", submitted.ideaId(), submitted.eventId());
            return;
        }
        switch (result) {
            case RoutingResult.Routed routed -> routedByRule.increment();
            case RoutingResult.Unroutable unroutable -> routedToTriage.increment();
        }
        LOG.info("Idea {} assigned to {} ({})", idea.id(), result.owner().id(), result.ruleId());
    }

    private static Counter routed(MeterRegistry registry, String outcome) {
        return Counter.builder("ideas.routed")
                .description("Ideas given an owner, by a rule or by falling back to triage")
                .tag("outcome", outcome)
                .register(registry);
    }
}
