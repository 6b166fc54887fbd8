package org.suggestionbox.router.assignment;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.platform.directory.Role;
import org.suggestionbox.router.config.RouterProperties;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.lifecycle.Ideas;
import org.suggestionbox.router.routing.RoutingRequest;
import org.suggestionbox.router.routing.RoutingResult;
import org.suggestionbox.router.routing.RuleBook;
import org.suggestionbox.router.storage.IdeaStore;

/**
 * Finds undecided ideas whose owner left the directory or lost the {@code OWNER} role and routes each
 * again by the rules (or to triage), announcing {@code IdeaReassigned} through the idea's outbox.
 * Idempotent: a re-routed idea has an owner again, so a second run finds nothing; each idea is saved
 * under its version, so two runs at once move it once and the loser skips it.
 */
@Service
public class OwnerRerouter {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerRerouter.class);

    private final IdeaStore store;
    private final Ideas ideas;
    private final RuleBook rules;
    private final Directory directory;
    private final RouterProperties properties;
    private final Clock clock;
    private final MeterRegistry registry;

    OwnerRerouter(
            IdeaStore store,
            Ideas ideas,
            RuleBook rules,
            Directory directory,
            RouterProperties properties,
            Clock clock,
            MeterRegistry registry) {
        this.store = store;
        this.ideas = ideas;
        this.rules = rules;
        this.directory = directory;
        this.properties = properties;
        this.clock = clock;
        this.registry = registry;
    }

    /** Re-routes every orphaned undecided idea; returns how many moved. */
    public int rerouteOrphans(String by) {
        Set<String> owners = directory.all().stream()
                .filter(person -> person.hasRole(Role.OWNER))
                .map(Person::id)
                .collect(Collectors.toSet());
        int moved = 0;
        for (Idea idea : store.findUndecidedNotOwnedBy(owners)) {
            try {
                if (reroute(idea, by)) {
                    moved++;
                }
            } catch (OptimisticLockingFailureException ex) {
                LOG.info("Idea {} changed while being re-routed; left to whoever changed it", idea.id());
            }
        }
        if (moved > 0) {
            LOG.info("Re-routed {} ideas whose owner left or is no longer an owner", moved);
        }
        return moved;
    }

    private boolean reroute(Idea idea, String by) {
        String previous = String.valueOf(idea.ownerId());
        boolean left = directory.find(previous).isEmpty();
        RoutingResult result =
                rules.route(new RoutingRequest(idea.category(), idea.department(), idea.title(), idea.description()));
        if (result.owner().id().equals(previous)) {
            LOG.warn("Idea {} cannot be re-routed: routing chose its previous owner {} again", idea.id(), previous);
            return false;
        }
        String note =
                (left ? "previous owner left" : "previous owner is no longer an owner") + "; " + result.explanation();
        Instant dueBy = clock.instant().plus(properties.deadlines().forCategory(idea.category()));
        ideas.change(idea, rerouted -> rerouted.reroute(result.owner(), note, dueBy, by, clock));
        registry.counter("ideas.rerouted", "reason", left ? "OWNER_LEFT" : "OWNER_ROLE_LOST")
                .increment();
        return true;
    }
}
