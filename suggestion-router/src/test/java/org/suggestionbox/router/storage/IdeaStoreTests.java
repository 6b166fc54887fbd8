package org.suggestionbox.router.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.suggestionbox.events.DecisionOutcome;
import org.suggestionbox.events.DeclineReason;
import org.suggestionbox.events.IdeaDecided;
import org.suggestionbox.events.IdeaLifecycleEvent;
import org.suggestionbox.events.IdeaSubmitted;
import org.suggestionbox.events.ProgressStatus;
import org.suggestionbox.events.SealedIdentity;
import org.suggestionbox.events.SubmissionChannel;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.events.Visibility;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.idea.IdeaId;
import org.suggestionbox.router.idea.IdeaState;
import org.suggestionbox.router.idea.Owner;
import org.suggestionbox.router.idea.RoutedBecause;
import org.suggestionbox.router.idea.TeamStrategy;
import org.suggestionbox.testing.SuggestionBoxInfrastructure;

/**
 * The idea store against the MongoDB-wire server, with nothing of the router but the store and Spring
 * Data's MongoDB wiring (a data slice): ideas stored by earlier versions load, a saved idea keeps the
 * document's field names that queries and operators use, and the version guards every save.
 */
@SpringBootTest(classes = IdeaStore.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ImportAutoConfiguration({MongoAutoConfiguration.class, DataMongoAutoConfiguration.class})
@SuggestionBoxInfrastructure
class IdeaStoreTests {

    private static final Instant SUBMITTED_AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(SUBMITTED_AT.plusSeconds(60), ZoneOffset.UTC);

    @Autowired
    IdeaStore store;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MongoClient mongoClient;

    @Test
    void anIdeaStoredBeforeTheAggregateKeptItsFactsInValuesLoadsWithEveryFact() {
        // given a document as the router wrote it before: flat fields, ownerName beside ownerId, answered
        UUID id = UUID.randomUUID();
        UUID original = UUID.randomUUID();
        Instant dueBy = SUBMITTED_AT.plus(Duration.ofDays(14));
        Document stored = oldDocument(id)
                .append("state", "IN_PROGRESS")
                .append("ownerId", "jan")
                .append("ownerName", "Jan Kowalski")
                .append("ruleId", "cx-team")
                .append("routedBecause", "any idea matched rule cx-team; team strategy FEWEST_OPEN chose Jan Kowalski")
                .append(
                        "routing",
                        new Document("ruleId", "cx-team")
                                .append("matched", List.of(new Document("on", "ANY").append("value", "")))
                                .append("teamStrategy", "FEWEST_OPEN")
                                .append("ownerName", "Jan Kowalski")
                                .append("unowned", List.of()))
                .append("answerDueBy", Date.from(dueBy))
                .append("deadlineStartedAt", Date.from(SUBMITTED_AT))
                .append("answered", true)
                .append("answeredAt", Date.from(dueBy.minus(Duration.ofDays(1))))
                .append(
                        "decision",
                        new Document("outcome", "EXPLORE")
                                .append("explanation", "Worth a pilot")
                                .append("nextStep", "Pilot")
                                .append("expectedBy", Date.from(Instant.parse("2026-05-01T00:00:00Z")))
                                .append("decidedBy", "jan")
                                .append("decidedAt", Date.from(SUBMITTED_AT.plusSeconds(3600))))
                .append("progress", "IN_PROGRESS")
                .append("progressNote", "Started in one team")
                .append("mergedInto", original)
                .append("watchers", List.of("lea"))
                .append("escalations", 1);
        mongo.insert(stored, IdeaStore.COLLECTION);

        // when
        Idea idea = store.find(new IdeaId(id)).orElseThrow();

        // then
        assertThat(idea.version()).isEqualTo(3);
        assertThat(idea.state()).isEqualTo(IdeaState.IN_PROGRESS);
        assertThat(idea.owner()).isEqualTo(new Owner("jan", "Jan Kowalski"));
        assertThat(idea.assignment().ruleId()).isEqualTo("cx-team");
        assertThat(idea.assignment().because())
                .isEqualTo(RoutedBecause.toTeamMember(
                        "cx-team",
                        List.of(new RoutedBecause.Match(RoutedBecause.Criterion.ANY, "")),
                        TeamStrategy.FEWEST_OPEN,
                        "Jan Kowalski"));
        assertThat(idea.assignment().because().inEnglish()).isEqualTo(stored.getString("routedBecause"));
        assertThat(idea.deadline().dueBy()).isEqualTo(dueBy);
        assertThat(idea.deadline().startedAt()).isEqualTo(SUBMITTED_AT);
        assertThat(idea.answered()).isTrue();
        assertThat(idea.answeredAt()).isEqualTo(dueBy.minus(Duration.ofDays(1)));
        assertThat(idea.decision().outcome()).isEqualTo(DecisionOutcome.EXPLORE);
        assertThat(idea.progress().status()).isEqualTo(ProgressStatus.IN_PROGRESS);
        assertThat(idea.progress().note()).isEqualTo("Started in one team");
        assertThat(idea.mergedInto()).isEqualTo(new IdeaId(original));
        assertThat(idea.watchers()).containsExactly("lea");
        assertThat(idea.escalations()).isEqualTo(1);
        assertThat(idea.submitters()).containsExactly(Submitter.person("piotr"));
    }

    @Test
    void anIdeaRoutedBeforeTheReasonsWereKeptInPartsKeepsItsEnglishReason() {
        UUID id = UUID.randomUUID();
        mongo.insert(
                oldDocument(id)
                        .append("state", "ASSIGNED")
                        .append("ownerId", "maya")
                        .append("ruleId", "cx-owner")
                        .append("routedBecause", "category 'x' matched rule cx-owner")
                        .append("answerDueBy", Date.from(SUBMITTED_AT.plus(Duration.ofDays(14)))),
                IdeaStore.COLLECTION);

        Idea idea = store.find(new IdeaId(id)).orElseThrow();

        assertThat(idea.assignment().because())
                .isEqualTo(new RoutedBecause.InEnglishOnly("category 'x' matched rule cx-owner"));
        assertThat(idea.owner()).isEqualTo(new Owner("maya", "maya"));
        assertThat(idea.deadline().startedAt()).isEqualTo(SUBMITTED_AT);
        assertThat(idea.answered()).isFalse();
    }

    @Test
    void aSavedIdeaKeepsTheFlatFieldNamesThatQueriesAndOperatorsUse() {
        // given
        Idea idea = assignedIdea();

        // when
        store.insert(idea);
        Document raw = mongo.findById(idea.id().value(), Document.class, IdeaStore.COLLECTION);

        // then
        assertThat(raw).isNotNull();
        assertThat(raw)
                .containsKeys(
                        "ownerId",
                        "ownerName",
                        "ruleId",
                        "routedBecause",
                        "routing",
                        "answerDueBy",
                        "deadlineStartedAt",
                        "answered",
                        "submitters",
                        "history",
                        "outbox",
                        "version",
                        "outboxOldestAt");
        assertThat(raw).doesNotContainKeys("assignment", "deadline", "_class");
        assertThat(raw.getString("ownerId")).isEqualTo("maya");
        assertThat(raw.getString("ownerName")).isEqualTo("Maya Rosen");
        assertThat(raw.getBoolean("answered")).isFalse();
        assertThat(raw.get("routing", Document.class).getString("teamStrategy")).isNull();
        assertThat(raw.get("routing", Document.class).getString("ruleId")).isEqualTo("cx-owner");
        assertThat(raw.getString("routedBecause"))
                .isEqualTo(idea.assignment().because().inEnglish());
        assertThat(store.find(idea.id()).orElseThrow().assignment()).isEqualTo(idea.assignment());
    }

    @Test
    void aSaveFromAStaleReadFailsAndKeepsTheOtherChange() {
        Idea idea = assignedIdea();
        store.insert(idea);
        Idea first = store.find(idea.id()).orElseThrow();
        Idea second = store.find(idea.id()).orElseThrow();

        first.decline(DeclineReason.OUT_OF_SCOPE, "Not ours", "maya", CLOCK);
        store.save(first);
        second.explore("Pilot", LocalDate.of(2026, 6, 1), null, "maya", CLOCK);

        assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> store.save(second));
        assertThat(store.find(idea.id()).orElseThrow().state()).isEqualTo(IdeaState.DECLINED);
    }

    @Test
    void anIdeaCountsAsOverdueFromTheDeadlineInstantOnAsTheAggregateSays() {
        Idea idea = assignedIdea();
        store.insert(idea);
        Instant dueBy = idea.answerDueBy();

        // the backlog query and the aggregate agree at the instant itself
        assertThat(idea.isOverdue(dueBy)).isTrue();
        assertThat(idea.isOverdue(dueBy.minusMillis(1))).isFalse();
        long before = store.countOverdue(dueBy.minusMillis(1));
        long at = store.countOverdue(dueBy);
        assertThat(at - before).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aBulkInsertSaysWhichIdeasItStoredWhenAnotherUniqueIndexRefusesOne() {
        // a store of its own, whose ideas collection has a unique index other than the id's: it refuses the
        // second idea, which is a failure, not "known already"
        MongoTemplate own = new MongoTemplate(
                mongoClient,
                "router_partial_insert_" + UUID.randomUUID().toString().replace("-", ""));
        IdeaStore partial = new IdeaStore(own);
        partial.createIndexes();
        own.indexOps(IdeaStore.COLLECTION)
                .createIndex(new Index()
                        .named("test_unique_title")
                        .on("title", Sort.Direction.ASC)
                        .unique());
        Idea first = assignedIdea("First of the batch");
        Idea refused = assignedIdea(first.title());
        Idea known = assignedIdea("Stored before");
        Idea third = assignedIdea("Third of the batch");
        partial.insert(known);

        assertThatExceptionOfType(IdeaStore.PartlyInsertedException.class)
                .isThrownBy(() -> partial.insertAll(List.of(first, refused, known, third)))
                .satisfies(
                        ex -> assertThat(ex.inserted()).extracting(Idea::id).containsExactly(first.id(), third.id()));
        assertThat(partial.find(refused.id())).isEmpty();
        assertThat(partial.find(third.id())).isPresent();
    }

    @Test
    void ideasStoredBeforeTheWallSortedByTheShownTimeGetTheirPlaceThereOnceAtStart() {
        // a store of its own, as an earlier version left it: no listedAt, the wall's index by the instant
        MongoTemplate own = indexedStoreOfItsOwn("router_listed_");
        own.indexOps(IdeaStore.COLLECTION)
                .createIndex(new Index()
                        .named("wall_newest")
                        .on("submittedAt", Sort.Direction.DESC)
                        .on("_id", Sort.Direction.DESC));
        Idea named = assignedIdea();
        Idea anonymous = Idea.submit(new IdeaSubmitted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                SUBMITTED_AT,
                IdeaSubmitted.SCHEMA_VERSION,
                "Said without a name",
                "Described in enough words.",
                "customer-experience",
                SubmissionChannel.WEB,
                Submitter.anonymous(new SealedIdentity("k1", "c2VhbGVk")),
                null,
                null,
                List.of(),
                "ab".repeat(32),
                Visibility.COMPANY));
        own.insert(
                List.of(named, anonymous).stream()
                        .map(idea -> {
                            Document document = new Document();
                            own.getConverter().write(StoredIdea.of(idea), document);
                            document.remove("listedAt");
                            return document;
                        })
                        .toList(),
                IdeaStore.COLLECTION);

        new IdeaStore(own).prepare();

        assertThat(rawIn(own, named).getDate("listedAt").toInstant()).isEqualTo(SUBMITTED_AT);
        assertThat(rawIn(own, anonymous).getDate("listedAt").toInstant())
                .isEqualTo(SUBMITTED_AT.truncatedTo(ChronoUnit.DAYS));
        assertThat(own.indexOps(IdeaStore.COLLECTION).getIndexInfo())
                .extracting(IndexInfo::getName)
                .contains("wall_listed")
                .doesNotContain("wall_newest");
        // once: the next start looks the upgrade up instead of looking for ideas without a place
        own.getCollection(IdeaStore.COLLECTION).updateMany(new Document(), Updates.unset("listedAt"));
        new IdeaStore(own).prepare();
        assertThat(rawIn(own, named)).doesNotContainKey("listedAt");
    }

    @Test
    void theSubmittersOwnIndexIsDroppedAtStartAndTheirIdeasAreStillFoundByTheLongerOne() {
        // a store of its own, as an earlier version left it: an index on the submitter alone beside the longer one
        MongoTemplate own = indexedStoreOfItsOwn("router_indexes_");
        own.indexOps(IdeaStore.COLLECTION)
                .createIndex(new Index().named("submitter").on("submitters.personId", Sort.Direction.ASC));
        IdeaStore store = new IdeaStore(own);
        Idea idea = assignedIdea();
        store.insert(idea);

        store.prepare();

        assertThat(own.indexOps(IdeaStore.COLLECTION).getIndexInfo())
                .extracting(IndexInfo::getName)
                .contains("submitter_newest")
                .doesNotContain("submitter");
        String submitter = Objects.requireNonNull(idea.submitters().getFirst().personId());
        assertThat(store.findSubmittedPage(submitter, null, null, 10))
                .extracting(Idea::id)
                .containsExactly(idea.id());
    }

    @Test
    void aBulkInsertOfKnownIdeasSkipsThemWithoutFailing() {
        Idea known = assignedIdea();
        Idea fresh = assignedIdea();
        store.insert(known);

        assertThat(store.insertAll(List.of(known, fresh))).extracting(Idea::id).containsExactly(fresh.id());
    }

    @Test
    void relayedEventsLeaveTheOutboxAndAnEventAddedMeanwhileStays() {
        Idea relayedWhole = assignedIdea();
        Idea decidedMeanwhile = assignedIdea();
        Idea relayedTwice = assignedIdea();
        store.insertAll(List.of(relayedWhole, decidedMeanwhile, relayedTwice));
        // the relay read each outbox when it held one event; then two ideas were decided, and the second's
        // first event had been relayed and removed by the sweep already
        List<UUID> assignedWhole = eventIds(relayedWhole);
        List<UUID> assignedMeanwhile = eventIds(decidedMeanwhile);
        List<UUID> assignedTwice = eventIds(relayedTwice);
        decline(decidedMeanwhile.id());
        store.removeFromOutbox(Map.of(relayedTwice.id(), assignedTwice));
        decline(relayedTwice.id());

        store.removeFromOutbox(Map.of(
                relayedWhole.id(), assignedWhole,
                decidedMeanwhile.id(), assignedMeanwhile,
                relayedTwice.id(), assignedTwice));

        assertThat(store.find(relayedWhole.id()).orElseThrow().outbox()).isEmpty();
        assertThat(raw(relayedWhole.id())).doesNotContainKey("outboxOldestAt");
        for (Idea decided : List.of(decidedMeanwhile, relayedTwice)) {
            assertThat(store.find(decided.id()).orElseThrow().outbox())
                    .singleElement()
                    .isInstanceOf(IdeaDecided.class);
            assertThat(raw(decided.id())).containsKey("outboxOldestAt");
        }
    }

    private void decline(IdeaId id) {
        Idea idea = store.find(id).orElseThrow();
        idea.decline(DeclineReason.OUT_OF_SCOPE, "Not ours", "maya", CLOCK);
        store.save(idea);
    }

    private static List<UUID> eventIds(Idea idea) {
        return idea.outbox().stream().map(IdeaLifecycleEvent::eventId).toList();
    }

    /** A database of its own, named {@code prefix} and a random suffix, with this version's indexes made. */
    private MongoTemplate indexedStoreOfItsOwn(String prefix) {
        MongoTemplate own = new MongoTemplate(
                mongoClient, prefix + UUID.randomUUID().toString().replace("-", ""));
        new IdeaStore(own).createIndexes();
        return own;
    }

    private static Document rawIn(MongoTemplate mongo, Idea idea) {
        return Objects.requireNonNull(mongo.findById(idea.id().value(), Document.class, IdeaStore.COLLECTION));
    }

    private Document raw(IdeaId id) {
        return Objects.requireNonNull(mongo.findById(id.value(), Document.class, IdeaStore.COLLECTION));
    }

    private static Idea assignedIdea() {
        return assignedIdea("Call-back instead of hold music");
    }

    private static Idea assignedIdea(String title) {
        UUID id = UUID.randomUUID();
        Idea idea = Idea.submit(new IdeaSubmitted(
                UUID.randomUUID(),
                id,
                SUBMITTED_AT,
                IdeaSubmitted.SCHEMA_VERSION,
                title,
                "Described in enough words.",
                "customer-experience",
                SubmissionChannel.WEB,
                Submitter.person("alice"),
                "Customer Service",
                "en",
                List.of()));
        idea.assign(
                new Owner("maya", "Maya Rosen"),
                "cx-owner",
                RoutedBecause.toOwner(
                        "cx-owner",
                        List.of(new RoutedBecause.Match(RoutedBecause.Criterion.CATEGORY, "customer-experience")),
                        "Maya Rosen"),
                SUBMITTED_AT.plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.MILLIS),
                CLOCK);
        return idea;
    }

    private Document oldDocument(UUID id) {
        Document submitter = new Document();
        mongo.getConverter().write(Submitter.person("piotr"), submitter);
        submitter.remove("_class");
        return new Document("_id", id)
                .append("_class", "org.suggestionbox.router.idea.Idea")
                .append("version", 3L)
                .append("title", "An idea from an earlier version")
                .append("description", "Stored before the aggregate kept its facts in values.")
                .append("category", "operations")
                .append("channel", "WEB")
                .append("submitters", List.of(submitter))
                .append("department", "Logistics")
                .append("submittedAt", Date.from(SUBMITTED_AT))
                .append(
                        "history",
                        List.of(new Document("at", Date.from(SUBMITTED_AT))
                                .append("by", "piotr")
                                .append("what", "SUBMITTED")))
                .append("processedEventIds", List.of(UUID.randomUUID()))
                .append("outbox", List.of());
    }
}
