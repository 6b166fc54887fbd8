package org.suggestionbox.router.dashboard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import jakarta.annotation.PostConstruct;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The dashboard's roll-ups. {@code dashboard_counters} holds one small document per counter
 * (metric, ISO week or {@code ALL}, key) changed only with {@code $inc}; each also remembers the last
 * event ids applied to it, and an increment is conditional on its event id not being among them, so a
 * repeated call for the same event changes nothing. {@code dashboard_participants} holds one document
 * per department and named submitter, so distinct submitters are counted by an indexed count, not by
 * reading ideas; nothing deletes them, so a participant this instance recorded is not written again (at 50
 * ideas a second, one write per idea that changed nothing, issue #13).
 */
@Component
class DashboardStore {

    static final String COUNTERS = "dashboard_counters";
    static final String PARTICIPANTS = "dashboard_participants";
    static final String ALL = "ALL";
    private static final int APPLIED_KEPT = 200;

    /** How many recorded participants an instance remembers, so as not to write them again. */
    private static final int PARTICIPANTS_KNOWN = 100_000;

    private final MongoTemplate mongo;

    /** Participants ({@code department|personId}) stored already: written by this instance, or found written. */
    private final Cache<String, Boolean> recordedParticipants =
            Caffeine.newBuilder().maximumSize(PARTICIPANTS_KNOWN).build();

    DashboardStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void createIndexes() {
        mongo.indexOps(COUNTERS)
                .createIndex(new Index()
                        .named("metric_week")
                        .on("metric", Sort.Direction.ASC)
                        .on("week", Sort.Direction.ASC));
        mongo.indexOps(PARTICIPANTS).createIndex(new Index().named("department").on("department", Sort.Direction.ASC));
    }

    /** Adds one to the counter, once per {@code eventId}. */
    void increment(String metric, String week, String key, UUID eventId) {
        String id = metric + "|" + week + "|" + key;
        Query notYetApplied =
                Query.query(Criteria.where("_id").is(id).and("applied").ne(eventId.toString()));
        Update update = new Update()
                .setOnInsert("metric", metric)
                .setOnInsert("week", week)
                .setOnInsert("key", key)
                .inc("n", 1L)
                .push("applied")
                .slice(-APPLIED_KEPT)
                .each(eventId.toString());
        try {
            mongo.upsert(notYetApplied, update, COUNTERS);
        } catch (DuplicateKeyException ex) {
            // the counter exists and has this event already: the upsert tried to insert a second one
        }
    }

    /** Applies the collected increments and participants: one bulk write per collection. */
    void apply(Changes changes) {
        apply(changes, List.of());
    }

    /**
     * Applies the collected increments and participants, one bulk write per collection; {@code alongside} are
     * further writes on {@link #COUNTERS} (the owners' backlog), sent in the counters' bulk write.
     */
    void apply(Changes changes, List<WriteModel<Document>> alongside) {
        List<Changes.Increments> groups = List.copyOf(changes.counters.values());
        List<WriteModel<Document>> counted = new ArrayList<>(groups.size() + alongside.size());
        for (Changes.Increments group : groups) {
            List<String> ids = List.copyOf(group.eventIds);
            counted.add(new UpdateOneModel<>(
                    Filters.and(Filters.eq("_id", group.id()), Filters.nin("applied", ids)),
                    Updates.combine(
                            Updates.setOnInsert("metric", group.metric),
                            Updates.setOnInsert("week", group.week),
                            Updates.setOnInsert("key", group.key),
                            Updates.inc("n", (long) ids.size()),
                            Updates.pushEach("applied", ids, new PushOptions().slice(-APPLIED_KEPT))),
                    new UpdateOptions().upsert(true)));
        }
        counted.addAll(alongside);
        if (!counted.isEmpty()) {
            try {
                mongo.getCollection(COUNTERS).bulkWrite(counted, new BulkWriteOptions().ordered(false));
            } catch (MongoBulkWriteException ex) {
                // a counter that has one of the events already: the upsert tried to insert a second
                // one; count those events one by one, each once (the other writes of the bulk were made)
                boolean failed = false;
                for (BulkWriteError error : ex.getWriteErrors()) {
                    if (error.getIndex() >= groups.size()
                            || ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                        failed = true;
                        continue;
                    }
                    Changes.Increments group = groups.get(error.getIndex());
                    group.eventIds.forEach(
                            eventId -> increment(group.metric, group.week, group.key, UUID.fromString(eventId)));
                }
                if (failed) {
                    throw ex;
                }
            }
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        changes.participants.forEach((id, participant) -> {
            if (recordedParticipants.getIfPresent(id) == null) {
                writes.add(new UpdateOneModel<>(
                        Filters.eq("_id", id),
                        Updates.combine(
                                Updates.setOnInsert("department", participant.get(0)),
                                Updates.setOnInsert("personId", participant.get(1))),
                        new UpdateOptions().upsert(true)));
            }
        });
        if (!writes.isEmpty()) {
            try {
                mongo.getCollection(PARTICIPANTS).bulkWrite(writes, new BulkWriteOptions().ordered(false));
            } catch (MongoBulkWriteException ex) {
                // two upserts of one new participant at once: the other one inserted it
                for (BulkWriteError error : ex.getWriteErrors()) {
                    if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                        throw ex;
                    }
                }
            }
            changes.participants.keySet().forEach(id -> recordedParticipants.put(id, Boolean.TRUE));
        }
    }

    /**
     * Increments and participants collected for one {@link #apply}: the increments of one counter are
     * written together, as one conditional {@code $inc}.
     */
    static final class Changes {

        private final Map<String, Increments> counters = new LinkedHashMap<>();
        private final Map<String, List<String>> participants = new LinkedHashMap<>();
        private final List<OutcomeStore.Line> outcomes = new ArrayList<>();

        /** Sets (part of) an idea's line in the outcome roll-ups. */
        void outcome(OutcomeStore.Line line) {
            outcomes.add(line);
        }

        List<OutcomeStore.Line> outcomes() {
            return List.copyOf(outcomes);
        }

        /** Adds one to the counter, once per {@code eventId}. */
        void increment(String metric, String week, String key, UUID eventId) {
            counters.computeIfAbsent(metric + "|" + week + "|" + key, id -> new Increments(metric, week, key))
                    .eventIds
                    .add(eventId.toString());
        }

        /** Remembers that {@code personId} submitted in {@code department}. */
        void participant(String department, String personId) {
            participants.putIfAbsent(department + "|" + personId, List.of(department, personId));
        }

        private record Increments(String metric, String week, String key, Set<String> eventIds) {

            Increments(String metric, String week, String key) {
                this(metric, week, key, new LinkedHashSet<>());
            }

            String id() {
                return metric + "|" + week + "|" + key;
            }
        }
    }

    /** The counters of {@code metric} for {@code week} (or {@link #ALL}), by key. */
    Map<String, Long> counters(String metric, String week) {
        return counters(metric, List.of(week)).getOrDefault(week, Map.of());
    }

    /** The counters of {@code metric} for each of {@code weeks}: week → key → count. */
    Map<String, Map<String, Long>> counters(String metric, Collection<String> weeks) {
        Query query =
                Query.query(Criteria.where("metric").is(metric).and("week").in(weeks));
        query.fields().include("week", "key", "n");
        Map<String, Map<String, Long>> result = new HashMap<>();
        for (Document document : mongo.find(query, Document.class, COUNTERS)) {
            result.computeIfAbsent(document.getString("week"), week -> new HashMap<>())
                    .merge(
                            document.getString("key"),
                            document.get("n") instanceof Number n ? n.longValue() : 0L,
                            Long::sum);
        }
        return result;
    }

    /** Distinct named submitters in {@code department}. */
    long participants(String department) {
        return mongo.count(Query.query(Criteria.where("department").is(department)), PARTICIPANTS);
    }
}
