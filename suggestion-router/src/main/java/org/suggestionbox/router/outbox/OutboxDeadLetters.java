package org.suggestionbox.router.outbox;

import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code outbox_dead_letters} collection: one document per lifecycle event that can never be
 * published, {@code _id} = the event id. Written before the event leaves the outbox, with an upsert,
 * so a crash between the two steps records it once and loses nothing.
 */
@Component
public class OutboxDeadLetters {

    public static final String COLLECTION = "outbox_dead_letters";
    private static final int CAUSE_KEPT = 500;

    private final MongoTemplate mongo;

    OutboxDeadLetters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void createIndexes() {
        mongo.indexOps(COLLECTION)
                .createIndex(new Index()
                        .named("open_by_age")
                        .on("resolvedAt", Sort.Direction.ASC)
                        .on("deadAt", Sort.Direction.ASC));
    }

    /** Records the event as dead, once; a second call for the same event changes nothing. */
    void record(UUID eventId, UUID ideaId, String eventType, DeadLetterReason reason, String cause, Instant deadAt) {
        String shortened = cause.length() > CAUSE_KEPT ? cause.substring(0, CAUSE_KEPT) + "…" : cause;
        mongo.upsert(
                Query.query(Criteria.where("_id").is(eventId)),
                new Update()
                        .setOnInsert("ideaId", ideaId)
                        .setOnInsert("eventType", eventType)
                        .setOnInsert("reason", reason.name())
                        .setOnInsert("cause", shortened)
                        .setOnInsert("deadAt", Date.from(deadAt))
                        .setOnInsert("resolvedAt", null)
                        .setOnInsert("resolvedBy", null),
                COLLECTION);
    }

    /** Every dead letter, open ones first, oldest first. */
    public List<OutboxDeadLetter> all() {
        Query query = new Query()
                .with(Sort.by(Sort.Order.asc("resolvedAt"), Sort.Order.asc("deadAt")))
                .limit(500);
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(OutboxDeadLetters::toDeadLetter)
                .toList();
    }

    /** How many are not resolved yet. */
    public long countOpen() {
        return mongo.count(Query.query(Criteria.where("resolvedAt").is(null)), COLLECTION);
    }

    /** The ids of the ideas that have an open dead letter: their submitters were not answered. */
    public List<UUID> ideasWithOpenDeadLetters() {
        return mongo.findDistinct(Query.query(Criteria.where("resolvedAt").is(null)), "ideaId", COLLECTION, UUID.class);
    }

    /** Marks one as dealt with; empty when there is no such dead letter. */
    public Optional<OutboxDeadLetter> resolve(UUID eventId, String by, Instant at) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(eventId).and("resolvedAt").is(null)),
                new Update().set("resolvedAt", Date.from(at)).set("resolvedBy", by),
                COLLECTION);
        return Optional.ofNullable(mongo.findById(eventId, Document.class, COLLECTION))
                .map(OutboxDeadLetters::toDeadLetter);
    }

    private static OutboxDeadLetter toDeadLetter(Document document) {
        Date resolvedAt = document.getDate("resolvedAt");
        return new OutboxDeadLetter(
                document.get("_id", UUID.class),
                document.get("ideaId", UUID.class),
                document.getString("eventType"),
                DeadLetterReason.valueOf(document.getString("reason")),
                document.getString("cause"),
                document.getDate("deadAt").toInstant(),
                resolvedAt == null ? null : resolvedAt.toInstant(),
                document.getString("resolvedBy"));
    }
}
