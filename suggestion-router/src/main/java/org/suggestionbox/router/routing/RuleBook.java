package org.suggestionbox.router.routing;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.platform.directory.Role;
import org.suggestionbox.router.config.RouterProperties;
import org.suggestionbox.router.idea.Violation;
import org.suggestionbox.router.storage.IdeaStore;

/**
 * The routing rules in force: those an administrator stored in MongoDB if any, else the rules file.
 * Routing reads the stored rules again once they are older than {@code rulesRefresh} (a second by default), so
 * every router instance follows a change within it ({@link StoredRules}); the admin API reads them now.
 */
@Service
public class RuleBook {

    private static final Logger LOG = LoggerFactory.getLogger(RuleBook.class);

    private final List<RuleDefinition> fileRules;
    private final StoredRules stored;
    private final Directory directory;
    private final RouterProperties properties;
    private final Clock clock;
    private final TeamLoad load;

    RuleBook(
            ResourceLoader resourceLoader,
            RuleStore store,
            IdeaStore ideas,
            Directory directory,
            RouterProperties properties,
            Clock clock) {
        String rulesLocation = properties.rulesLocation();
        this.fileRules = rulesLocation == null || rulesLocation.isBlank()
                ? List.of()
                : RoutingConfiguration.loadDefinitions(resourceLoader.getResource(rulesLocation));
        fileRules.forEach(RuleDefinition::toRule);
        this.stored = new StoredRules(store, properties.rulesRefresh(), System::nanoTime);
        this.directory = directory;
        this.properties = properties;
        this.clock = clock;
        this.load = new TeamLoad() {
            @Override
            public long nextTurn(String ruleId) {
                return store.nextTurn(ruleId);
            }

            @Override
            public long openIdeas(String personId) {
                return ideas.countUndecidedOwnedBy(personId);
            }
        };
        if (ownerName(properties.triageOwner()).isEmpty()) {
            throw new TriageOwnerNotAnOwner(properties.triageOwner());
        }
        LOG.info(
                "Routing rules file {}: {} rules, triage owner {}",
                rulesLocation == null || rulesLocation.isBlank() ? "(none)" : rulesLocation,
                fileRules.size(),
                properties.triageOwner());
    }

    /** The rules in force, as written, read now. */
    public List<RuleDefinition> current() {
        return stored.now().orElse(fileRules);
    }

    public RoutingResult route(RoutingRequest request) {
        return router().apply(request);
    }

    /**
     * Routes a batch: the rules in force are read and compiled once, and ideas routed by it count as
     * open for {@link org.suggestionbox.router.idea.TeamStrategy#FEWEST_OPEN} before they are stored, so a batch is spread as the same
     * ideas arriving one by one would be.
     */
    public Function<RoutingRequest, RoutingResult> router() {
        List<RoutingRule> rules = stored.recent().orElse(fileRules).stream()
                .map(RuleDefinition::toRule)
                .toList();
        Map<String, Long> routedNow = new HashMap<>();
        TeamLoad batchLoad = new TeamLoad() {
            @Override
            public long nextTurn(String ruleId) {
                return load.nextTurn(ruleId);
            }

            @Override
            public long openIdeas(String personId) {
                return load.openIdeas(personId) + routedNow.getOrDefault(personId, 0L);
            }
        };
        RoutingRules routing = new RoutingRules(rules, properties.triageOwner(), this::ownerName, batchLoad);
        return request -> {
            RoutingResult result = routing.route(request);
            routedNow.merge(result.owner().id(), 1L, Long::sum);
            return result;
        };
    }

    /** What is wrong with {@code rules}; empty when they may replace the rules in force. */
    public List<Violation> violations(List<RuleDefinition> rules) {
        return RuleValidator.violations(rules, id -> ownerName(id).isPresent());
    }

    /** Replaces the rules in force for every instance; call with rules {@link #violations} accepted. */
    public void replace(List<RuleDefinition> rules, String by) {
        List<Violation> violations = violations(rules);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("Invalid routing rules: " + violations);
        }
        stored.save(rules, by, clock.instant());
        LOG.info("Routing rules replaced by {}: {} rules", by, rules.size());
    }

    private Optional<String> ownerName(String id) {
        return directory.find(id).filter(person -> person.hasRole(Role.OWNER)).map(Person::name);
    }
}
