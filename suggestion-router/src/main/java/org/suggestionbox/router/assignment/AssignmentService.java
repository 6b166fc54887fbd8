package org.suggestionbox.router.assignment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.suggestionbox.events.IdeaSubmitted;
import org.suggestionbox.platform.kafka.NonRetryableEventException;
import org.suggestionbox.router.config.RouterProperties;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.idea.IdeaId;
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
        acceptAll(List.of(submitted));
    }

    /**
     * Routes a batch of submissions and stores the new ideas together ({@link Ideas#createAll}); a
     * submission whose idea exists already changes nothing. Throws {@link NonRetryableEventException},
     * storing nothing, when one of them is invalid: the caller isolates it first.
     */
    void acceptAll(List<IdeaSubmitted> submissions) {
        List<Idea> candidates = new ArrayList<>(submissions.size());
        Map<IdeaId, RoutingResult> results = new HashMap<>();
        Function<RoutingRequest, RoutingResult> router = rules.router();
        for (IdeaSubmitted submitted : submissions) {
            validate(submitted);
            Idea idea = Idea.submit(submitted);
            RoutingResult result = router.apply(new RoutingRequest(
                    submitted.category(), submitted.department(), submitted.title(), submitted.description()));
            Instant dueBy = clock.instant().plus(properties.deadlines().forCategory(submitted.category()));
            idea.assign(result.owner(), result.ruleId(), result.because(), dueBy, clock);
            candidates.add(idea);
            results.putIfAbsent(idea.id(), result);
        }
        for (Idea idea : ideas.createAll(candidates)) {
            RoutingResult result = Objects.requireNonNull(results.get(idea.id()));
            switch (result) {
                case RoutingResult.Routed routed -> routedByRule.increment();
                case RoutingResult.Unroutable unroutable -> routedToTriage.increment();
            }
            LOG.debug("Idea {} assigned to {} ({})", idea.id(), result.owner().id(), result.ruleId());
        }
    }

    /** Throws {@link NonRetryableEventException} when the submission cannot become an idea. */
    static void validate(IdeaSubmitted submitted) {
        if (submitted.title().isBlank() || submitted.category().isBlank()) {
            throw new NonRetryableEventException("IdeaSubmitted " + submitted.eventId() + " has no title or category");
        }
    }

    private static Counter routed(MeterRegistry registry, String outcome) {
        return Counter.builder("ideas.routed")
                .description("Ideas given an owner, by a rule or by falling back to triage")
                .tag("outcome", outcome)
                .register(registry);
    }
}
