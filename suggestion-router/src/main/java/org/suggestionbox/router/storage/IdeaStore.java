package org.suggestionbox.router.storage;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.ComparisonOperators;
import org.springframework.data.mongodb.core.aggregation.ConditionalOperators;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.idea.IdeaState;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;

import jakarta.annotation.PostConstruct;

/**
 * One document per idea in the {@code ideas} collection, {@code _id} = the idea id (standard UUID).
 * A save writes the whole document — state, history and the outbox of events the change caused — in
 * one single-document operation, guarded by the {@code version} field: a save based on a stale read
 * fails with {@link OptimisticLockingFailureException} (what {@code @Version} does, kept out of the
 * Spring-free domain). Only the outbox relay changes a document partially, with {@code $pull}.
 */
@Component
public class IdeaStore {

    public static final String COLLECTION = "ideas";

    private final MongoTemplate mongo;

    IdeaStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void createIndexes() {
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().named("owner_queue").on("ownerId", Sort.Direction.ASC)
                .on("state", Sort.Direction.ASC).on("answerDueBy", Sort.Direction.ASC));
        indexes.createIndex(new Index().named("submitter").on("submitters.personId", Sort.Direction.ASC));
        // anonymous ideas only: the private tracking link is looked up by the hash of its token
        indexes.createIndex(new Index().named("tracking").on("trackingTokenHash", Sort.Direction.ASC).sparse());
        indexes.createIndex(new Index().named("deadlines").on("state", Sort.Direction.ASC)
                .on("answerDueBy", Sort.Direction.ASC));
        // only ideas with events still to relay are in it, so the sweep twice a second reads a handful
        // of entries, not every idea
        indexes.createIndex(new Index().named("outbox_pending").on("outbox.eventId", Sort.Direction.ASC).sparse());
    }

    /**
     * Stores a new idea. Throws {@link org.springframework.dao.DuplicateKeyException} when an idea
     * with that id exists already.
     */
    public void insert(Idea idea) {
        Document document = toDocument(idea);
        document.put("version", 1L);
        mongo.insert(document, COLLECTION);
    }

    /** Replaces the stored idea if nobody changed it since it was read. */
    public void save(Idea idea) {
        Document document = toDocument(idea);
        long expected = idea.version();
        document.put("version", expected + 1);
        UpdateResult result = mongo.getCollection(COLLECTION)
                .replaceOne(Filters.and(Filters.eq("_id", idea.id()), Filters.eq("version", expected)), document);
        if (result.getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("Idea " + idea.id() + " was changed by someone else (version "
                    + expected + ")");
        }
    }

    public Optional<Idea> find(UUID id) {
        return Optional.ofNullable(mongo.findById(id, Idea.class, COLLECTION));
    }

    /** The idea whose private tracking link's token has this SHA-256 (hex), if any. */
    public Optional<Idea> findByTrackingTokenHash(String hash) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("trackingTokenHash").is(hash)), Idea.class,
                COLLECTION));
    }

    /** Ideas owned by {@code ownerId} in one of {@code states}, earliest deadline first. */
    public List<Idea> findOwnedBy(String ownerId, Collection<IdeaState> states) {
        Query query = Query.query(Criteria.where("ownerId").is(ownerId).and("state").in(states))
                .with(Sort.by("answerDueBy"));
        return mongo.find(query, Idea.class, COLLECTION);
    }

    /** Ideas {@code personId} submitted or co-submitted under their name, newest first. */
    public List<Idea> findSubmittedBy(String personId) {
        Query query = Query.query(Criteria.where("submitters.personId").is(personId))
                .with(Sort.by(Sort.Direction.DESC, "submittedAt"));
        return mongo.find(query, Idea.class, COLLECTION);
    }

    /**
     * Undecided ideas whose answer deadline is before {@code horizon}, earliest first, read lazily
     * (the {@code deadlines} index on state and deadline serves it). Close the stream.
     */
    public Stream<Idea> streamUndecidedDueBefore(Instant horizon) {
        Query query = Query.query(Criteria.where("state").in(IdeaState.UNDECIDED).and("answerDueBy").lt(horizon))
                .with(Sort.by("answerDueBy"));
        return mongo.stream(query, Idea.class, COLLECTION);
    }

    /**
     * Adds {@code submitters} to an idea, each at most once ({@code $addToSet}), unless the idea was
     * itself merged into another. Bumps the version, so a save based on a read from before this
     * change fails instead of writing the submitters away. Returns false when no such idea can take
     * them.
     */
    public boolean addSubmitters(UUID ideaId, Collection<Submitter> submitters) {
        List<Document> documents = submitters.stream().map(submitter -> {
            Document document = new Document();
            mongo.getConverter().write(submitter, document);
            document.remove("_class");
            return document;
        }).toList();
        UpdateResult result = mongo.getCollection(COLLECTION).updateOne(
                Filters.and(Filters.eq("_id", ideaId), Filters.ne("state", IdeaState.MERGED.name())),
                Updates.combine(Updates.addEachToSet("submitters", documents), Updates.inc("version", 1L)));
        return result.getMatchedCount() == 1;
    }

    /**
     * The undecided ideas per owner: how many, how many of them past their deadline at {@code now}, and
     * since when the oldest waits. Reads only undecided ideas, through the {@code deadlines} index, once.
     */
    public List<OwnerBacklog> undecidedByOwner(Instant now) {
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("state").in(IdeaState.UNDECIDED.stream().map(Enum::name).toList())),
                Aggregation.group("ownerId").count().as("open").min("submittedAt").as("oldest")
                        .sum(ConditionalOperators.when(ComparisonOperators.valueOf("answerDueBy")
                                .lessThanValue(Date.from(now))).then(1).otherwise(0)).as("overdue"));
        return mongo.aggregate(aggregation, COLLECTION, Document.class).getMappedResults().stream()
                .filter(document -> document.get("_id") != null)
                .map(document -> new OwnerBacklog(document.getString("_id"),
                        ((Number) document.get("open")).longValue(), ((Number) document.get("overdue")).longValue(),
                        document.getDate("oldest").toInstant()))
                .toList();
    }

    /** How many ideas are in {@code state} (served by the {@code deadlines} index). */
    public long countInState(IdeaState state) {
        return mongo.count(Query.query(Criteria.where("state").is(state)), COLLECTION);
    }

    /** How many undecided ideas {@code ownerId} owns (served by the {@code owner_queue} index). */
    public long countUndecidedOwnedBy(String ownerId) {
        return mongo.count(Query.query(Criteria.where("ownerId").is(ownerId).and("state").in(IdeaState.UNDECIDED)),
                COLLECTION);
    }

    /** Undecided ideas whose owner is none of {@code ownerIds}: ideas left behind by people who left. */
    public List<Idea> findUndecidedNotOwnedBy(Collection<String> ownerIds) {
        Query query = Query.query(Criteria.where("state").in(IdeaState.UNDECIDED).and("ownerId").nin(ownerIds))
                .with(Sort.by("answerDueBy"));
        return mongo.find(query, Idea.class, COLLECTION);
    }

    /** Undecided ideas whose answer deadline has passed. */
    public long countOverdue(Instant now) {
        return mongo.count(Query.query(Criteria.where("state").in(IdeaState.UNDECIDED).and("answerDueBy").lt(now)),
                COLLECTION);
    }

    /** How many undecided ideas an owner has, how many are overdue, and when the oldest was submitted. */
    public record OwnerBacklog(String ownerId, long open, long overdue, Instant oldestSubmittedAt) {
    }

    /** The text of every idea, read lazily with only the fields needed. Close the stream. */
    public Stream<IdeaText> streamTexts() {
        Query query = new Query();
        query.fields().include("title", "description", "submittedAt");
        return mongo.stream(query, Document.class, COLLECTION)
                .map(document -> new IdeaText(document.get("_id", UUID.class), document.getString("title"),
                        String.valueOf(document.getString("description")), document.getDate("submittedAt").toInstant()));
    }

    /** What text similarity needs of an idea. */
    public record IdeaText(UUID id, String title, String description, Instant submittedAt) {
    }

    /** Ideas with at least one lifecycle event not yet relayed. */
    public List<Idea> findWithPendingOutbox(int limit) {
        Query query = Query.query(Criteria.where("outbox.eventId").exists(true)).limit(limit);
        return mongo.find(query, Idea.class, COLLECTION);
    }

    /**
     * Removes exactly the relayed events from the idea's outbox with an atomic {@code $pull}, leaving
     * every other field — and events added meanwhile — untouched.
     */
    public void removeFromOutbox(UUID ideaId, Collection<UUID> eventIds) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(ideaId)),
                new Update().pull("outbox", Query.query(Criteria.where("eventId").in(eventIds))), COLLECTION);
    }

    private Document toDocument(Idea idea) {
        Document document = new Document();
        mongo.getConverter().write(idea, document);
        return document;
    }
}
