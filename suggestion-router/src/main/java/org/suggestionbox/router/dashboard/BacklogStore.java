package org.suggestionbox.router.dashboard;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteManyModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.suggestionbox.router.idea.IdeaState;
import org.suggestionbox.router.storage.IdeaStore;

/**
 * The backlog per owner as a roll-up, so the dashboard reads one small document per owner however many
 * ideas are undecided. Beside the counters in {@code dashboard_counters} ({@link DashboardStore}), one document
 * per owner (metric {@value #METRIC}, key the owner's id) holds how many undecided ideas they own
 * ({@code open}), how many of those were submitted on each day ({@code submitted.<yyyy-MM-dd>}) and how
 * many are due in each hour ({@code due.<yyyy-MM-ddTHH>}), all changed only with {@code $inc}: the oldest
 * day with a count is the oldest waiting idea, the hours before the current one hold the overdue ideas
 * (to the hour). Kept in the counters' collection, the new ideas' backlog changes go in the counters' bulk
 * write: one command per batch of new ideas fewer (issue #13).
 * <p>
 * {@link org.suggestionbox.router.lifecycle.Ideas} applies the difference of each stored change of an
 * idea — a new idea adds its entry, a decision removes it, a reassignment or a new deadline moves it —
 * only after the idea's own write succeeded, so a redelivered or replayed submission (the idea exists
 * already) changes nothing. A process killed between an idea's write and its roll-up change would leave
 * that owner one off, so every start counts the roll-up again from the undecided ideas (one read of each,
 * through the {@code state} index): a crash is always followed by a start. The count replaces each owner's
 * document and drops the owners with nothing undecided, so the dashboard never sees an empty roll-up while
 * it runs; a fresh database being rebuilt by a replay starts from nothing.
 */
@Component
class BacklogStore {

    static final String COLLECTION = DashboardStore.COUNTERS;

    /** The metric of the owners' backlog documents among the counters. */
    static final String METRIC = "backlog";

    /** Where the roll-up was kept before it joined the counters; dropped at the start. */
    private static final String FORMER_COLLECTION = "dashboard_backlog";

    private static final Logger LOG = LoggerFactory.getLogger(BacklogStore.class);

    private final MongoTemplate mongo;

    BacklogStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void reconcile() {
        mongo.dropCollection(FORMER_COLLECTION);
        long counted = recount();
        LOG.info("Backlog roll-up counted from the ideas: {} undecided", counted);
    }

    /**
     * Replaces the roll-up with a count of the undecided ideas (reads each of them once); returns how many
     * it counted.
     */
    long recount() {
        Map<String, Map<String, Long>> byOwner = new LinkedHashMap<>();
        Query undecided = Query.query(Criteria.where("state")
                .in(IdeaState.UNDECIDED.stream().map(Enum::name).toList()));
        undecided.fields().include("ownerId", "submittedAt", "answerDueBy");
        long counted = 0;
        try (Stream<Document> ideas =
                mongo.stream(undecided.cursorBatchSize(IdeaStore.STREAM_BATCH), Document.class, IdeaStore.COLLECTION)) {
            for (Document idea : (Iterable<Document>) ideas::iterator) {
                String ownerId = idea.getString("ownerId");
                java.util.Date submittedAt = idea.getDate("submittedAt");
                if (ownerId == null || submittedAt == null) {
                    continue;
                }
                java.util.Date dueBy = idea.getDate("answerDueBy");
                BacklogEntry entry =
                        new BacklogEntry(ownerId, submittedAt.toInstant(), dueBy == null ? null : dueBy.toInstant());
                entry.addTo(byOwner.computeIfAbsent(ownerId, owner -> new LinkedHashMap<>()), 1);
                counted++;
            }
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        List<String> ids = new ArrayList<>(byOwner.size());
        byOwner.forEach((ownerId, counts) -> {
            ids.add(id(ownerId));
            writes.add(new ReplaceOneModel<>(
                    Filters.eq("_id", id(ownerId)),
                    nested(
                            new Document("_id", id(ownerId))
                                    .append("metric", METRIC)
                                    .append("key", ownerId),
                            counts),
                    new ReplaceOptions().upsert(true)));
        });
        writes.add(new DeleteManyModel<>(Filters.and(Filters.eq("metric", METRIC), Filters.nin("_id", ids))));
        mongo.getCollection(COLLECTION).bulkWrite(writes, new BulkWriteOptions().ordered(true));
        return counted;
    }

    /** Adds and removes entries: one {@code $inc} per owner, in one bulk write. */
    void apply(Collection<BacklogEntry> added, Collection<BacklogEntry> removed) {
        List<WriteModel<Document>> writes = writes(added, removed);
        if (!writes.isEmpty()) {
            mongo.getCollection(COLLECTION).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    /**
     * The writes that add and remove entries, one {@code $inc} per owner, for a bulk write on {@link #COLLECTION}
     * (in {@link DashboardStore#apply(DashboardStore.Changes, List)} together with the counters').
     */
    List<WriteModel<Document>> writes(Collection<BacklogEntry> added, Collection<BacklogEntry> removed) {
        Map<String, Map<String, Long>> byOwner = new LinkedHashMap<>();
        added.forEach(
                entry -> entry.addTo(byOwner.computeIfAbsent(entry.ownerId(), owner -> new LinkedHashMap<>()), 1));
        removed.forEach(
                entry -> entry.addTo(byOwner.computeIfAbsent(entry.ownerId(), owner -> new LinkedHashMap<>()), -1));
        List<WriteModel<Document>> writes = new ArrayList<>();
        byOwner.forEach((ownerId, counts) -> {
            Document inc = new Document();
            counts.forEach((field, delta) -> {
                if (delta != 0) {
                    inc.append(field, delta);
                }
            });
            if (!inc.isEmpty()) {
                writes.add(new UpdateOneModel<>(
                        Filters.eq("_id", id(ownerId)),
                        new Document("$inc", inc)
                                .append("$setOnInsert", new Document("metric", METRIC).append("key", ownerId)),
                        new UpdateOptions().upsert(true)));
            }
        });
        return writes;
    }

    /** The id of an owner's document: the counters' {@code metric|week|key}, with no week. */
    static String id(String ownerId) {
        return METRIC + "||" + ownerId;
    }

    /** The undecided ideas per owner at {@code now}, from the roll-up alone (one document per owner). */
    List<IdeaStore.OwnerBacklog> undecidedByOwner(Instant now) {
        String currentHour = BacklogEntry.HOUR.format(now.atOffset(ZoneOffset.UTC));
        List<IdeaStore.OwnerBacklog> owners = new ArrayList<>();
        for (Document owner : mongo.getCollection(COLLECTION).find(Filters.eq("metric", METRIC))) {
            long open = count(owner.get("open"));
            if (open <= 0) {
                continue;
            }
            String oldestDay = null;
            if (owner.get("submitted") instanceof Document days) {
                for (Map.Entry<String, Object> day : days.entrySet()) {
                    if (count(day.getValue()) > 0
                            && (oldestDay == null || day.getKey().compareTo(oldestDay) < 0)) {
                        oldestDay = day.getKey();
                    }
                }
            }
            long overdue = 0;
            if (owner.get("due") instanceof Document hours) {
                for (Map.Entry<String, Object> hour : hours.entrySet()) {
                    if (hour.getKey().compareTo(currentHour) < 0) {
                        overdue += Math.max(0, count(hour.getValue()));
                    }
                }
            }
            Instant oldest = oldestDay == null
                    ? now
                    : LocalDate.parse(oldestDay, BacklogEntry.DAY)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant();
            owners.add(new IdeaStore.OwnerBacklog(owner.getString("key"), open, overdue, oldest));
        }
        return owners;
    }

    private static Document nested(Document document, Map<String, Long> counts) {
        counts.forEach((path, count) -> {
            int dot = path.indexOf('.');
            if (dot < 0) {
                document.append(path, count);
            } else {
                Object inner = document.get(path.substring(0, dot));
                Document nested = inner instanceof Document existing ? existing : new Document();
                nested.append(path.substring(dot + 1), count);
                document.put(path.substring(0, dot), nested);
            }
        });
        return document;
    }

    private static long count(@Nullable Object value) {
        return value instanceof Number number ? number.longValue() : 0L;
    }
}
