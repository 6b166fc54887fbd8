package org.suggestionbox.router.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.suggestionbox.testing.Infrastructure;
import org.suggestionbox.testing.SuggestionBoxInfrastructure;

/**
 * The stored rules as routing reads them, against the MongoDB-wire server: another instance's change is used once
 * the refresh has passed, this instance's own at once. Time is a counter the test moves.
 */
@SuggestionBoxInfrastructure
class StoredRulesIntegrationTests {

    private static final Duration REFRESH = Duration.ofSeconds(1);

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();

    private MongoClient client;
    private MongoTemplate mongo;
    private RuleStore anotherInstance;
    private StoredRules rules;

    @BeforeEach
    void setUp(Infrastructure infrastructure) {
        client = MongoClients.create(infrastructure.mongoUri());
        mongo = new MongoTemplate(
                client, "router_rules_" + UUID.randomUUID().toString().replace("-", ""));
        anotherInstance = new RuleStore(mongo);
        RuleStore counted = new RuleStore(mongo) {
            @Override
            Optional<List<RuleDefinition>> load() {
                loads.incrementAndGet();
                return super.load();
            }
        };
        rules = new StoredRules(counted, REFRESH, nanos::get);
    }

    @AfterEach
    void tearDown() {
        mongo.getDb().drop();
        client.close();
    }

    @Test
    void anotherInstancesChangeIsReadOnceTheRefreshHasPassedAndNotForEveryRouting() {
        assertThat(rules.recent()).isEmpty();
        anotherInstance.save(List.of(rule("cx", "maya")), "admin", Instant.now());

        nanos.addAndGet(REFRESH.toNanos() - 1);
        assertThat(rules.recent()).isEmpty();
        assertThat(loads).hasValue(1);

        nanos.addAndGet(1);
        assertThat(rules.recent())
                .hasValueSatisfying(read -> assertThat(ids(read)).containsExactly("cx"));
        assertThat(rules.recent())
                .hasValueSatisfying(read -> assertThat(ids(read)).containsExactly("cx"));
        assertThat(loads).hasValue(2);
    }

    @Test
    void rulesThisInstanceStoresAreUsedAtOnceAndTheAdminReadIsAlwaysFresh() {
        assertThat(rules.recent()).isEmpty();

        rules.save(List.of(rule("ops", "jan")), "admin", Instant.now());
        assertThat(rules.recent())
                .hasValueSatisfying(read -> assertThat(ids(read)).containsExactly("ops"));
        assertThat(loads).hasValue(1);

        anotherInstance.save(List.of(rule("cx", "maya")), "admin", Instant.now());
        assertThat(rules.now()).hasValueSatisfying(read -> assertThat(ids(read)).containsExactly("cx"));
        assertThat(rules.recent())
                .hasValueSatisfying(read -> assertThat(ids(read)).containsExactly("cx"));
        assertThat(loads).hasValue(2);
    }

    private static RuleDefinition rule(String id, String owner) {
        return new RuleDefinition(id, List.of("customer-experience"), null, null, owner, null, null);
    }

    private static List<String> ids(List<RuleDefinition> read) {
        return read.stream().map(RuleDefinition::id).toList();
    }
}
