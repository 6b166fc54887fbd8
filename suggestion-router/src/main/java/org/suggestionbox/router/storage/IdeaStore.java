package org.suggestionbox.router.storage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.result.UpdateResult;
import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.ComparisonOperators;
import org.springframework.data.mongodb.core.aggregation.ConditionalOperators;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.events.Visibility;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.idea.IdeaId;
import org.suggestionbox.router.idea.IdeaState;
import org.suggestionbox.router.idea.Viewer;

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

    /**
     * Documents per reply when ideas are read lazily. Without it the local stack's MongoDB-wire server answered a
     * read of every idea in one reply: with a million stored, 344 MB, over the driver's 48 MB limit, so the router's
     * start failed rebuilding its similar-ideas index. MongoDB sends 101 documents first, then up to 16 MB a reply.
     */
    public static final int STREAM_BATCH = 1_000;
    /**
     * When the oldest event still in the outbox happened: set with every save, removed once a relay
     * emptied the outbox (a relay that leaves events keeps the older time, which only moves the idea
     * forward in the sweep's order).
     */
    private static final String OUTBOX_OLDEST = "outboxOldestAt";

    /** When the idea came as it may be shown to anyone ({@link Idea#shownSubmittedAt}): the wall's order. */
    private static final String LISTED_AT = "listedAt";

    /** The wall's index until it sorted by {@link #LISTED_AT}: by the instant, which placed anonymous ideas too. */
    private static final String WALL_BY_INSTANT = "wall_newest";

    /**
     * The index on {@code submitters.personId} alone. {@code submitter_newest} begins with that field and serves
     * every query it served, and each new idea was filed in both.
     */
    private static final String SUBMITTER_ONLY = "submitter";

    /** Indexes an earlier version made and this one drops at start. */
    private static final List<String> RETIRED_INDEXES = List.of(WALL_BY_INSTANT, SUBMITTER_ONLY);

    /**
     * The changes to stored ideas that are made, one document each, so that a start looks each up instead of
     * looking for ideas it has to change.
     */
    static final String UPGRADES = "upgrades";

    /** The upgrade that gave every idea its place on the wall ({@link #listUnlisted}). */
    static final String LISTED_UPGRADE = "ideas.listedAt";

    /** Ideas read and given their place on the wall at a time, by {@link #listUnlisted}. */
    static final int LISTED_BATCH = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(IdeaStore.class);

    private final MongoTemplate mongo;

    IdeaStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The indexes, and once, the wall's place for every idea stored before it had one. */
    @PostConstruct
    void prepare() {
        createIndexes();
        var upgrades = mongo.getCollection(UPGRADES);
        if (upgrades.find(Filters.eq("_id", LISTED_UPGRADE)).first() != null) {
            return;
        }
        long listed = listUnlisted();
        if (listed > 0) {
            LOG.info("Gave {} ideas stored by an earlier version their place on the wall", listed);
        }
        upgrades.replaceOne(
                Filters.eq("_id", LISTED_UPGRADE),
                new Document("_id", LISTED_UPGRADE).append("madeAt", new Date()),
                new ReplaceOptions().upsert(true));
    }

    void createIndexes() {
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index()
                .named("owner_queue")
                .on("ownerId", Sort.Direction.ASC)
                .on("state", Sort.Direction.ASC)
                .on("answerDueBy", Sort.Direction.ASC));
        // "my ideas" pages: newest first, keyset on submission time and id; and every other query of a
        // submitter's ideas, by its leading field
        indexes.createIndex(new Index()
                .named("submitter_newest")
                .on("submitters.personId", Sort.Direction.ASC)
                .on("submittedAt", Sort.Direction.DESC)
                .on("_id", Sort.Direction.DESC));
        // the idea wall: everyone's ideas newest first as their times are shown, keyset on that and the id
        indexes.createIndex(new Index()
                .named("wall_listed")
                .on(LISTED_AT, Sort.Direction.DESC)
                .on("_id", Sort.Direction.DESC));
        // the owner queue sorted by "me too"s
        indexes.createIndex(new Index()
                .named("owner_support")
                .on("ownerId", Sort.Direction.ASC)
                .on("supportCount", Sort.Direction.DESC)
                .on("_id", Sort.Direction.ASC));
        // anonymous ideas only: the private tracking link is looked up by the hash of its token
        indexes.createIndex(new Index()
                .named("tracking")
                .on("trackingTokenHash", Sort.Direction.ASC)
                .sparse());
        indexes.createIndex(
                new Index().named("deadlines").on("state", Sort.Direction.ASC).on("answerDueBy", Sort.Direction.ASC));
        // implemented ideas by when they were implemented: the impact checks 30 and 90 days later
        indexes.createIndex(new Index()
                .named("impact_checks")
                .on("state", Sort.Direction.ASC)
                .on("implementation.implementedAt", Sort.Direction.ASC));
        // only ideas with events still to relay are in it, so the sweep twice a second reads a handful
        // of entries, not every idea
        // ordered by the oldest waiting event (events are appended, so the first is the oldest): the sweep
        // drains a backlog in order and no idea starves behind newer ones
        indexes.createIndex(new Index()
                .named("outbox_oldest")
                .on(OUTBOX_OLDEST, Sort.Direction.ASC)
                .sparse());
        indexes.getIndexInfo().stream()
                .map(IndexInfo::getName)
                .filter(RETIRED_INDEXES::contains)
                .forEach(indexes::dropIndex);
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

    /**
     * Stores new ideas with one unordered bulk insert and returns those it stored, in the given order. An
     * idea whose id exists already (a redelivered submission, or the same id twice in {@code ideas}) is
     * left as it is and not returned; any other failure is thrown.
     */
    public List<Idea> insertAll(List<Idea> ideas) {
        if (ideas.isEmpty()) {
            return List.of();
        }
        List<Document> documents = new ArrayList<>(ideas.size());
        for (Idea idea : ideas) {
            Document document = toDocument(idea);
            document.put("version", 1L);
            documents.add(document);
        }
        boolean[] notInserted = new boolean[ideas.size()];
        @Nullable MongoBulkWriteException failed = null;
        try {
            mongo.getCollection(COLLECTION).insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException ex) {
            if (ex.getWriteConcernError() != null) {
                throw translated(ex);
            }
            for (BulkWriteError error : ex.getWriteErrors()) {
                notInserted[error.getIndex()] = true;
                if (!isKnownId(error)) {
                    failed = ex;
                }
            }
        } catch (MongoException ex) {
            throw translated(ex);
        }
        List<Idea> inserted = new ArrayList<>(ideas.size());
        for (int i = 0; i < ideas.size(); i++) {
            if (!notInserted[i]) {
                inserted.add(ideas.get(i));
            }
        }
        if (failed != null) {
            throw new PartlyInsertedException(inserted, translated(failed));
        }
        return inserted;
    }

    /** A duplicate of the id itself: the idea is known already (not some other unique index refusing it). */
    private static boolean isKnownId(BulkWriteError error) {
        return ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY
                && String.valueOf(error.getMessage()).contains(ID_INDEX);
    }

    /** The name MongoDB (and the MongoDB-wire server) gives the index on {@code _id}, as duplicate-key errors quote it. */
    private static final String ID_INDEX = "_id_";

    /**
     * A bulk insert stored some ideas and failed for others (for a reason other than the idea being known
     * already): {@link #inserted()} names the ideas that are stored now, so the caller can finish their
     * creation before it reports the failure.
     */
    public static final class PartlyInsertedException extends DataAccessException {

        private final List<Idea> inserted;

        PartlyInsertedException(List<Idea> inserted, RuntimeException cause) {
            super(inserted.size() + " ideas were stored, others failed: " + cause.getMessage(), cause);
            this.inserted = List.copyOf(inserted);
        }

        public List<Idea> inserted() {
            return inserted;
        }
    }

    private RuntimeException translated(MongoException ex) {
        DataAccessException translated = mongo.getExceptionTranslator().translateExceptionIfPossible(ex);
        return translated == null ? ex : translated;
    }

    /** Replaces the stored idea if nobody changed it since it was read. */
    public void save(Idea idea) {
        Document document = toDocument(idea);
        long expected = idea.version();
        document.put("version", expected + 1);
        UpdateResult result = mongo.getCollection(COLLECTION)
                .replaceOne(
                        Filters.and(Filters.eq("_id", idea.id().value()), Filters.eq("version", expected)), document);
        if (result.getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException(
                    "Idea " + idea.id() + " was changed by someone else (version " + expected + ")");
        }
    }

    public Optional<Idea> find(IdeaId id) {
        return Optional.ofNullable(mongo.findById(id.value(), StoredIdea.class, COLLECTION))
                .map(StoredIdea::toIdea);
    }

    /**
     * Up to {@code limit} ideas owned by {@code ownerId} in one of {@code states} (and, when given,
     * of {@code category}, ignoring case), earliest deadline first (ideas without one last), then by
     * id, strictly after {@code afterDueBy}/{@code afterId} when those are given ({@code afterDueBy}
     * null with an id = after that idea among those without a deadline). Served by the
     * {@code owner_queue} index; reads at most {@code limit} documents.
     */
    public List<Idea> findOwnedPage(
            String ownerId,
            Collection<IdeaState> states,
            @Nullable String category,
            @Nullable Instant afterDueBy,
            @Nullable UUID afterId,
            int limit) {
        List<Idea> page = new ArrayList<>();
        if (states.isEmpty()) {
            return page;
        }
        boolean afterUndated = afterId != null && afterDueBy == null;
        if (!afterUndated) {
            Criteria dated =
                    ownedBy(ownerId, states, category).and("answerDueBy").ne(null);
            if (afterId != null) {
                dated = new Criteria()
                        .andOperator(
                                dated,
                                new Criteria()
                                        .orOperator(
                                                Criteria.where("answerDueBy").gt(Objects.requireNonNull(afterDueBy)),
                                                new Criteria()
                                                        .andOperator(
                                                                Criteria.where("answerDueBy")
                                                                        .is(afterDueBy),
                                                                Criteria.where("_id")
                                                                        .gt(afterId))));
            }
            page.addAll(
                    find(Query.query(dated).with(Sort.by("answerDueBy", "_id")).limit(limit)));
        }
        if (page.size() < limit) {
            Criteria undated =
                    ownedBy(ownerId, states, category).and("answerDueBy").is(null);
            if (afterUndated) {
                undated = undated.and("_id").gt(Objects.requireNonNull(afterId));
            }
            page.addAll(find(Query.query(undated).with(Sort.by("_id")).limit(limit - page.size())));
        }
        return page;
    }

    /**
     * Up to {@code limit} ideas owned by {@code ownerId} in one of {@code states} (and, when given, of
     * {@code category}), most supported first, then by id, strictly after {@code afterCount}/{@code afterId}
     * when {@code afterId} is given ({@code afterCount} null: after that idea among those stored before
     * support was counted, which come last). Served by the {@code owner_support} index.
     */
    public List<Idea> findOwnedBySupport(
            String ownerId,
            Collection<IdeaState> states,
            @Nullable String category,
            @Nullable Integer afterCount,
            @Nullable UUID afterId,
            int limit) {
        if (states.isEmpty()) {
            return List.of();
        }
        Criteria criteria = ownedBy(ownerId, states, category);
        if (afterId != null) {
            Criteria after = afterCount == null
                    ? Criteria.where("supportCount").is(null).and("_id").gt(afterId)
                    : new Criteria()
                            .orOperator(
                                    Criteria.where("supportCount").lt(afterCount),
                                    Criteria.where("supportCount").is(null),
                                    Criteria.where("supportCount")
                                            .is(afterCount)
                                            .and("_id")
                                            .gt(afterId));
            criteria = new Criteria().andOperator(criteria, after);
        }
        Query query = Query.query(criteria)
                .with(Sort.by(Sort.Direction.DESC, "supportCount").and(Sort.by(Sort.Direction.ASC, "_id")))
                .limit(limit);
        return find(query);
    }

    /**
     * What the idea wall lists: optionally one state, category and department (both ignoring case), and
     * only the ideas {@code ids} names (the hits of a search) when given.
     */
    public record WallFilter(
            @Nullable IdeaState state,
            @Nullable String category,
            @Nullable String department,
            @Nullable Collection<UUID> ids) {}

    /**
     * Up to {@code limit} ideas {@code viewer} may see ({@link Idea#visibleTo}, decided here in the query
     * so that no page, cursor or count depends on an idea the viewer may not see) that pass
     * {@code filter}, newest first by the time each may be shown ({@link Idea#shownSubmittedAt}), then by id,
     * descending, strictly after {@code afterListedAt}/{@code afterId} when given. An anonymous idea, shown by the
     * day, is listed at the start of its day: after the named ideas of that day, so that its place among them does
     * not tell the instant its day hides.
     */
    public List<Idea> findVisiblePage(
            Viewer viewer, WallFilter filter, @Nullable Instant afterListedAt, @Nullable UUID afterId, int limit) {
        List<Criteria> all = new ArrayList<>();
        if (!viewer.readsEverything()) {
            String personId = viewer.personId();
            all.add(new Criteria()
                    .orOperator(
                            Criteria.where("visibility").in(Visibility.COMPANY.name(), Visibility.COMPANY_NAMED.name()),
                            Criteria.where("submitters.personId").is(personId),
                            Criteria.where("ownerId").is(personId),
                            Criteria.where("watchers").is(personId),
                            Criteria.where("supporterIds").is(personId)));
        }
        if (filter.state() != null) {
            all.add(Criteria.where("state").is(filter.state()));
        }
        if (filter.category() != null && !filter.category().isBlank()) {
            all.add(Criteria.where("category")
                    .regex("^" + literal(filter.category().strip()) + "$", "i"));
        }
        if (filter.department() != null && !filter.department().isBlank()) {
            all.add(Criteria.where("department")
                    .regex("^" + literal(filter.department().strip()) + "$", "i"));
        }
        if (filter.ids() != null) {
            all.add(Criteria.where("_id").in(filter.ids()));
        }
        if (afterListedAt != null && afterId != null) {
            all.add(new Criteria()
                    .orOperator(
                            Criteria.where(LISTED_AT).lt(afterListedAt),
                            Criteria.where(LISTED_AT)
                                    .is(afterListedAt)
                                    .and("_id")
                                    .lt(afterId)));
        }
        Criteria criteria = all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
        Query query = Query.query(criteria)
                .with(Sort.by(Sort.Direction.DESC, LISTED_AT).and(Sort.by(Sort.Direction.DESC, "_id")))
                .limit(limit);
        return find(query);
    }

    /**
     * Gives every idea stored before the wall sorted by {@link #LISTED_AT} its place there, {@value #LISTED_BATCH}
     * at a time; an idea saved meanwhile has it already, and a second router doing the same writes the same
     * values. {@link #prepare} runs it until it is marked done in {@link #UPGRADES}.
     *
     * @return how many ideas it gave a place
     */
    long listUnlisted() {
        long listed = 0;
        while (true) {
            List<Idea> unlisted =
                    find(Query.query(Criteria.where(LISTED_AT).exists(false)).limit(LISTED_BATCH));
            if (unlisted.isEmpty()) {
                return listed;
            }
            List<WriteModel<Document>> writes = new ArrayList<>(unlisted.size());
            for (Idea idea : unlisted) {
                writes.add(new UpdateOneModel<>(
                        Filters.eq("_id", idea.id().value()),
                        Updates.set(LISTED_AT, Date.from(idea.shownSubmittedAt()))));
            }
            int matched;
            try {
                matched = mongo.getCollection(COLLECTION)
                        .bulkWrite(writes, new BulkWriteOptions().ordered(false))
                        .getMatchedCount();
            } catch (MongoException ex) {
                throw translated(ex);
            }
            if (matched == 0) {
                // ideas are never removed: the same batch would come again, and again
                throw new IllegalStateException("Could not give " + unlisted.size() + " ideas their place on the wall");
            }
            listed += unlisted.size();
        }
    }

    /** The ideas of {@code ids} that exist, in no particular order. */
    public List<Idea> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return find(Query.query(Criteria.where("_id").in(ids)));
    }

    /** The idea whose private tracking link's token has this SHA-256 (hex), if any. */
    public Optional<Idea> findByTrackingTokenHash(String hash) {
        return Optional.ofNullable(mongo.findOne(
                        Query.query(Criteria.where("trackingTokenHash").is(hash)), StoredIdea.class, COLLECTION))
                .map(StoredIdea::toIdea);
    }

    private static Criteria ownedBy(String ownerId, Collection<IdeaState> states, @Nullable String category) {
        Criteria criteria = Criteria.where("ownerId").is(ownerId).and("state").in(states);
        if (category != null && !category.isBlank()) {
            criteria = criteria.and("category").regex("^" + literal(category.strip()) + "$", "i");
        }
        return criteria;
    }

    /**
     * {@code text} as a regular expression matching exactly it: every character but letters and
     * digits as {@code \x{hex}}, which both the server's and Java's regex dialects read, and which
     * keeps even a NUL out of the BSON pattern string (where it is not allowed).
     */
    static String literal(String text) {
        StringBuilder regex = new StringBuilder();
        text.codePoints().forEach(codePoint -> {
            if (codePoint < 128 && Character.isLetterOrDigit(codePoint)) {
                regex.appendCodePoint(codePoint);
            } else {
                regex.append("\\x{").append(Integer.toHexString(codePoint)).append('}');
            }
        });
        return regex.toString();
    }

    /**
     * Up to {@code limit} ideas {@code personId} submitted or co-submitted, newest first (then by id,
     * descending), strictly after {@code afterSubmittedAt}/{@code afterId} when given. Served by the
     * {@code submitter_newest} index.
     */
    public List<Idea> findSubmittedPage(
            String personId, @Nullable Instant afterSubmittedAt, @Nullable UUID afterId, int limit) {
        Criteria criteria = Criteria.where("submitters.personId").is(personId);
        if (afterSubmittedAt != null && afterId != null) {
            criteria = new Criteria()
                    .andOperator(
                            criteria,
                            new Criteria()
                                    .orOperator(
                                            Criteria.where("submittedAt").lt(afterSubmittedAt),
                                            new Criteria()
                                                    .andOperator(
                                                            Criteria.where("submittedAt")
                                                                    .is(afterSubmittedAt),
                                                            Criteria.where("_id")
                                                                    .lt(afterId))));
        }
        Query query = Query.query(criteria)
                .with(Sort.by(Sort.Direction.DESC, "submittedAt").and(Sort.by(Sort.Direction.DESC, "_id")))
                .limit(limit);
        return find(query);
    }

    /**
     * Undecided ideas whose answer deadline is before {@code horizon}, earliest first, read lazily
     * (the {@code deadlines} index on state and deadline serves it). Close the stream.
     */
    public Stream<Idea> streamUndecidedDueBefore(Instant horizon) {
        Query query = Query.query(Criteria.where("state")
                        .in(IdeaState.UNDECIDED)
                        .and("answerDueBy")
                        .lt(horizon))
                .with(Sort.by("answerDueBy"));
        return mongo.stream(query.cursorBatchSize(STREAM_BATCH), StoredIdea.class, COLLECTION)
                .map(StoredIdea::toIdea);
    }

    /**
     * Every idea, read lazily in id order (the {@code _id} index), for exports that must not hold all
     * ideas in memory. Close the stream.
     */
    public Stream<Idea> streamAll() {
        return mongo.stream(
                        new Query().with(Sort.by("_id")).cursorBatchSize(STREAM_BATCH), StoredIdea.class, COLLECTION)
                .map(StoredIdea::toIdea);
    }

    /**
     * Implemented ideas with an impact check that has come at {@code now} and was not asked yet: for some
     * {@code days} of {@code checkpointDays}, implemented at least that long ago and without {@code days}
     * among the checks asked. Read lazily through the {@code impact_checks} index. Close the stream.
     */
    public Stream<Idea> streamImpactChecksDue(Instant now, List<Integer> checkpointDays) {
        if (checkpointDays.isEmpty()) {
            return Stream.empty();
        }
        Criteria[] due = checkpointDays.stream()
                .map(days -> Criteria.where("implementation.implementedAt")
                        .lte(now.minus(java.time.Duration.ofDays(days)))
                        .and("implementation.checksAsked")
                        .ne(days))
                .toArray(Criteria[]::new);
        Query query = Query.query(new Criteria()
                .andOperator(
                        Criteria.where("state").is(IdeaState.IMPLEMENTED),
                        Criteria.where("implementation.estimated").ne(null),
                        new Criteria().orOperator(due)));
        return mongo.stream(query.cursorBatchSize(STREAM_BATCH), StoredIdea.class, COLLECTION)
                .map(StoredIdea::toIdea);
    }

    /**
     * Adds {@code submitters} to an idea, each at most once ({@code $addToSet}), unless the idea was
     * itself merged into another, or would then have more than {@code atMost}: the write only applies while
     * the idea has room for all of {@code submitters}, so merges into one idea at the same time cannot take
     * it over the limit together. Bumps the version, so a save based on a read from before this
     * change fails instead of writing the submitters away. Returns false when no such idea can take
     * them.
     */
    public boolean addSubmitters(IdeaId ideaId, Collection<Submitter> submitters, int atMost) {
        if (submitters.size() > atMost) {
            return false;
        }
        List<Document> documents = submitters.stream()
                .map(submitter -> {
                    Document document = new Document();
                    mongo.getConverter().write(submitter, document);
                    document.remove("_class");
                    return document;
                })
                .toList();
        List<Bson> filters = new ArrayList<>(
                List.of(Filters.eq("_id", ideaId.value()), Filters.ne("state", IdeaState.MERGED.name())));
        if (!documents.isEmpty()) {
            // at most atMost - n submitters now: there is no element at that index
            filters.add(Filters.exists("submitters." + (atMost - documents.size()), false));
        }
        UpdateResult result = mongo.getCollection(COLLECTION)
                .updateOne(
                        Filters.and(filters),
                        Updates.combine(Updates.addEachToSet("submitters", documents), Updates.inc("version", 1L)));
        return result.getMatchedCount() == 1;
    }

    /**
     * The undecided ideas per owner: how many, how many of them past their deadline at {@code now}, and
     * since when the oldest waits. Reads only undecided ideas, through the {@code deadlines} index, once.
     */
    public List<OwnerBacklog> undecidedByOwner(Instant now) {
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("state")
                        .in(IdeaState.UNDECIDED.stream().map(Enum::name).toList())),
                Aggregation.group("ownerId")
                        .count()
                        .as("open")
                        .min("submittedAt")
                        .as("oldest")
                        .sum(ConditionalOperators.when(ComparisonOperators.valueOf("answerDueBy")
                                        .lessThanEqualToValue(Date.from(now)))
                                .then(1)
                                .otherwise(0))
                        .as("overdue"));
        return mongo.aggregate(aggregation, COLLECTION, Document.class).getMappedResults().stream()
                .filter(document -> document.get("_id") != null)
                .map(document -> new OwnerBacklog(
                        document.getString("_id"),
                        count(document, "open"),
                        count(document, "overdue"),
                        document.getDate("oldest").toInstant()))
                .toList();
    }

    /** How many ideas are in {@code state} (served by the {@code deadlines} index). */
    public long countInState(IdeaState state) {
        return mongo.count(Query.query(Criteria.where("state").is(state)), COLLECTION);
    }

    /** How many undecided ideas {@code ownerId} owns (served by the {@code owner_queue} index). */
    public long countUndecidedOwnedBy(String ownerId) {
        return mongo.count(
                Query.query(Criteria.where("ownerId").is(ownerId).and("state").in(IdeaState.UNDECIDED)), COLLECTION);
    }

    /** Undecided ideas whose owner is none of {@code ownerIds}: ideas left behind by people who left. */
    public List<Idea> findUndecidedNotOwnedBy(Collection<String> ownerIds) {
        Query query = Query.query(Criteria.where("state")
                        .in(IdeaState.UNDECIDED)
                        .and("ownerId")
                        .nin(ownerIds))
                .with(Sort.by("answerDueBy"));
        return find(query);
    }

    /** Undecided ideas whose answer deadline has come ({@link Idea#isOverdue(Instant)}). */
    public long countOverdue(Instant now) {
        return mongo.count(
                Query.query(Criteria.where("state")
                        .in(IdeaState.UNDECIDED)
                        .and("answerDueBy")
                        .lte(now)),
                COLLECTION);
    }

    private List<Idea> find(Query query) {
        return mongo.find(query, StoredIdea.class, COLLECTION).stream()
                .map(StoredIdea::toIdea)
                .toList();
    }

    /** How many undecided ideas an owner has, how many are overdue, and when the oldest was submitted. */
    public record OwnerBacklog(String ownerId, long open, long overdue, Instant oldestSubmittedAt) {}

    /** The text of every idea, read lazily with only the fields needed. Close the stream. */
    public Stream<IdeaText> streamTexts() {
        Query query = new Query();
        query.fields().include("title", "description", "submittedAt");
        return mongo.stream(query.cursorBatchSize(STREAM_BATCH), Document.class, COLLECTION)
                .map(document -> new IdeaText(
                        document.get("_id", UUID.class),
                        document.getString("title"),
                        String.valueOf(document.getString("description")),
                        document.getDate("submittedAt").toInstant()));
    }

    /** What text similarity needs of an idea. */
    public record IdeaText(UUID id, String title, String description, Instant submittedAt) {}

    /**
     * At most {@code limit} ideas with a lifecycle event not yet relayed that has waited since before
     * {@code waitingSince}, the oldest waiting event first. Ideas whose events are all younger are not read:
     * while the relay keeps up, every outbox holds only events saved moments ago, and reading (and mapping)
     * them for nothing was the sweep's whole cost (issue #13).
     */
    public List<Idea> findWithPendingOutbox(Instant waitingSince, int limit) {
        Query query = Query.query(Criteria.where(OUTBOX_OLDEST)
                        .lt(Date.from(waitingSince))
                        .and("outbox.eventId")
                        .exists(true))
                .with(Sort.by(Sort.Direction.ASC, OUTBOX_OLDEST))
                .limit(limit);
        return find(query);
    }

    /**
     * Removes exactly the relayed events from the outboxes of several ideas. Usually an outbox holds just
     * the events relayed, so one bulk write empties each, conditioned on the outbox holding exactly those
     * events: one update per idea. If any outbox changed meanwhile (an event added, or some relayed by the
     * sweep too), a second bulk write removes the relayed events from every one of them with an atomic
     * {@code $pull}, leaving every other field and event untouched, and then clears the sweep's field of
     * those left empty.
     */
    public void removeFromOutbox(Map<IdeaId, ? extends Collection<UUID>> relayed) {
        if (relayed.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> emptied = new ArrayList<>(relayed.size());
        relayed.forEach((ideaId, eventIds) -> emptied.add(new UpdateOneModel<>(
                Filters.and(
                        Filters.eq("_id", ideaId.value()),
                        Filters.size("outbox", eventIds.size()),
                        Filters.all("outbox.eventId", List.copyOf(eventIds))),
                Updates.combine(Updates.set("outbox", List.of()), Updates.unset(OUTBOX_OLDEST)))));
        try {
            var ideas = mongo.getCollection(COLLECTION);
            int matched = ideas.bulkWrite(emptied, new BulkWriteOptions().ordered(false))
                    .getMatchedCount();
            if (matched < relayed.size()) {
                ideas.bulkWrite(pulled(relayed), new BulkWriteOptions().ordered(true));
            }
        } catch (MongoException ex) {
            throw translated(ex);
        }
    }

    /** Per idea, the {@code $pull} of the relayed events and the clearing of the sweep's field, in that order. */
    private static List<WriteModel<Document>> pulled(Map<IdeaId, ? extends Collection<UUID>> relayed) {
        List<WriteModel<Document>> writes = new ArrayList<>(2 * relayed.size());
        relayed.forEach((ideaId, eventIds) -> {
            writes.add(new UpdateOneModel<>(
                    Filters.eq("_id", ideaId.value()),
                    Updates.pullByFilter(new Document(
                            "outbox", new Document("eventId", new Document("$in", List.copyOf(eventIds)))))));
            writes.add(new UpdateOneModel<>(
                    Filters.and(Filters.eq("_id", ideaId.value()), Filters.size("outbox", 0)),
                    Updates.unset(OUTBOX_OLDEST)));
        });
        return writes;
    }

    private Document toDocument(Idea idea) {
        Document document = new Document();
        mongo.getConverter().write(StoredIdea.of(idea), document);
        document.remove("_class");
        if (!idea.outbox().isEmpty()) {
            document.put(OUTBOX_OLDEST, Date.from(idea.outbox().getFirst().occurredAt()));
        }
        return document;
    }

    /** A count an aggregation wrote into {@code document}, 0 when it wrote none. */
    private static long count(Document document, String field) {
        return document.get(field) instanceof Number number ? number.longValue() : 0L;
    }
}
