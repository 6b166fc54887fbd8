package org.suggestionbox.router.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.suggestionbox.events.DeclineReason;
import org.suggestionbox.events.IdeaSubmitted;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.lifecycle.Ideas;
import org.suggestionbox.router.routing.RoutingRequest;
import org.suggestionbox.router.routing.RoutingResult;
import org.suggestionbox.router.routing.RuleBook;
import org.suggestionbox.router.storage.IdeaStore;
import org.suggestionbox.router.support.RouterIntegrationTest;
import org.suggestionbox.router.support.TestEvents;

/**
 * The owners' backlog roll-up, which the dashboard reads instead of the undecided ideas, stays equal to a
 * recount of the ideas through new ideas, decisions and a replay of the same submissions.
 */
@RouterIntegrationTest
class BacklogRollUpIntegrationTests {

    @Autowired
    Ideas ideas;

    @Autowired
    RuleBook rules;

    @Autowired
    BacklogStore backlog;

    @Autowired
    Clock clock;

    @Autowired
    MongoTemplate mongo;

    @Test
    void theRollUpEqualsARecountAfterDecisionsAndAReplay() {
        // given a roll-up in step with the ideas other tests left behind
        backlog.recount();
        Map<String, Long> before = open();
        List<IdeaSubmitted> submissions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            submissions.add(TestEvents.submitted(
                    UUID.randomUUID(),
                    i % 2 == 0 ? "operations" : "customer-experience",
                    Submitter.person("piotr"),
                    "Backlog idea " + i));
        }

        // when five ideas arrive in one batch, one of jan's is declined, and the same submissions are replayed
        List<Idea> created = ideas.createAll(routed(submissions));
        Idea declined = ideas.load(created.getFirst().id());
        ideas.change(declined, idea -> idea.decline(DeclineReason.OUT_OF_SCOPE, "Not ours", "jan", clock));
        List<Idea> replayed = ideas.createAll(routed(submissions));

        // then the replay created nothing, the roll-up moved by what happened, and a recount finds the same
        assertThat(created).hasSize(5);
        assertThat(replayed).isEmpty();
        Map<String, Long> after = open();
        assertThat(after.getOrDefault("jan", 0L) - before.getOrDefault("jan", 0L))
                .isEqualTo(2);
        assertThat(after.getOrDefault("maya", 0L) - before.getOrDefault("maya", 0L))
                .isEqualTo(2);
        List<IdeaStore.OwnerBacklog> rolledUp =
                backlog.undecidedByOwner(clock.instant().plus(Duration.ofDays(30)));
        backlog.recount();
        assertThat(backlog.undecidedByOwner(clock.instant().plus(Duration.ofDays(30))))
                .containsExactlyInAnyOrderElementsOf(rolledUp);
        assertThat(open()).isEqualTo(after);
    }

    @Test
    void aStartCountsAgainARollUpThatACrashLeftOff() {
        // given a roll-up in step with the ideas, and one more idea of jan's
        backlog.recount();
        ideas.createAll(routed(List.of(TestEvents.submitted(
                UUID.randomUUID(), "operations", Submitter.person("piotr"), "Backlog idea before a crash"))));
        Map<String, Long> counted = open();

        // when a process killed between an idea's write and its roll-up change left jan one short, and an owner
        // with nothing undecided one over
        mongo.getCollection(BacklogStore.COLLECTION)
                .updateOne(Filters.eq("_id", BacklogStore.id("jan")), new Document("$inc", new Document("open", -1)));
        mongo.getCollection(BacklogStore.COLLECTION)
                .updateOne(
                        Filters.eq("_id", BacklogStore.id("nobody-owns-this")),
                        new Document("$inc", new Document("open", 1))
                                .append(
                                        "$setOnInsert",
                                        new Document("metric", BacklogStore.METRIC).append("key", "nobody-owns-this")),
                        new UpdateOptions().upsert(true));
        // and the collection the roll-up was kept in before it joined the counters
        mongo.getCollection("dashboard_backlog").insertOne(new Document("_id", "jan").append("open", 7));
        assertThat(open()).isNotEqualTo(counted);
        backlog.reconcile();

        // then the start's count puts both right, and the former collection is gone
        assertThat(open()).isEqualTo(counted);
        assertThat(mongo.collectionExists("dashboard_backlog")).isFalse();
    }

    private List<Idea> routed(List<IdeaSubmitted> submissions) {
        return submissions.stream()
                .map(submitted -> {
                    Idea idea = Idea.submit(submitted);
                    RoutingResult result = rules.route(new RoutingRequest(
                            submitted.category(), submitted.department(), submitted.title(), submitted.description()));
                    idea.assign(
                            result.owner(),
                            result.ruleId(),
                            result.because(),
                            clock.instant().plus(Duration.ofDays(14)),
                            clock);
                    return idea;
                })
                .toList();
    }

    private Map<String, Long> open() {
        return backlog.undecidedByOwner(clock.instant()).stream()
                .collect(Collectors.toMap(IdeaStore.OwnerBacklog::ownerId, IdeaStore.OwnerBacklog::open));
    }
}
