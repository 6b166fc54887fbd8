package org.suggestionbox.notifier.delivery;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.events.RecipientRole;
import org.suggestionbox.notifier.message.MessageKind;

/**
 * The {@code deliveries} collection: one document per lifecycle event × recipient × channel
 * (unique), {@code ATTEMPTED → SENT | FAILED}, with the attempt count, the last error and whether
 * the proof was published. Recipients appear only as their opaque reference; no addresses.
 */
@Component
class DeliveryLedger {

    static final String COLLECTION = "deliveries";
    private static final int DUPLICATE_KEY = 11000;
    /** From how many deliveries a claim reads the sent rows first ({@link #claimAll}). */
    static final int READ_SENT_FIRST = 32;

    private final MongoTemplate mongo;

    DeliveryLedger(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void createIndexes() {
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index()
                .named("delivery_key")
                .on("sourceEventId", Sort.Direction.ASC)
                .on("recipientRef", Sort.Direction.ASC)
                .on("channel", Sort.Direction.ASC)
                .unique());
        indexes.createIndex(new Index()
                .named("due_retries")
                .on("retryAt", Sort.Direction.ASC)
                .sparse());
        indexes.createIndex(new Index()
                .named("unpublished")
                .on("state", Sort.Direction.ASC)
                .on("published", Sort.Direction.ASC)
                .on("updatedAt", Sort.Direction.ASC));
    }

    /** The outcome of claiming a delivery before sending. */
    record Claim(boolean alreadySent, boolean published, int attempts) {}

    /**
     * Claims deliveries before sending: a new row is recorded with one attempt, a row attempted or failed before
     * counts another attempt, and a sent row is left as it is ("sent before"); see {@link #insert}.
     * <p>
     * A batch of at least {@value #READ_SENT_FIRST} deliveries reads its sent rows first and claims only the
     * others: such batches come from a backlog or from a replay, where the router publishes every replayed
     * idea's events again under the same ids and every one of their deliveries was sent, and each insert of a
     * sent row would fail. A smaller batch claims at once, as the read would cost it one more
     * round trip for rows that are almost always new.
     *
     * @return the claim of every delivery, by {@link Delivery#proofEventId()}
     */
    Map<UUID, Claim> claimAll(List<Delivery> deliveries, Instant now) {
        Map<UUID, Claim> claims = new HashMap<>();
        List<Delivery> unsent = deliveries;
        if (deliveries.size() >= READ_SENT_FIRST) {
            read(Filters.in("_id", ids(deliveries))).forEach((id, claim) -> {
                if (claim.alreadySent()) {
                    claims.put(id, claim);
                }
            });
            unsent = deliveries.stream()
                    .filter(delivery -> !claims.containsKey(delivery.proofEventId()))
                    .toList();
        }
        claims.putAll(insert(unsent, now));
        return claims;
    }

    /**
     * The claims of {@link #claimAll}: new rows inserted in one unordered bulk insert with one attempt; a row that
     * was there already fails its insert with a duplicate key and, unless it was sent, counts another attempt in
     * one update; those rows are read back (one query) for their attempts and proof. An insert, where most rows are
     * new, is the cheaper write: an upsert first looks for the row and then builds it from its update operators.
     */
    private Map<UUID, Claim> insert(List<Delivery> deliveries, Instant now) {
        Map<UUID, Claim> claims = new HashMap<>();
        if (deliveries.isEmpty()) {
            return claims;
        }
        Date at = Date.from(now);
        List<Document> rows = new ArrayList<>(deliveries.size());
        for (Delivery delivery : deliveries) {
            rows.add(new Document("_id", delivery.proofEventId().toString())
                    .append("sourceEventId", delivery.sourceEventId().toString())
                    .append("sourceEventType", delivery.sourceEventType())
                    .append("ideaId", delivery.ideaId().toString())
                    .append("recipientRole", delivery.recipientRole().name())
                    .append("recipientRef", delivery.recipientRef())
                    .append("channel", delivery.channel().name())
                    .append("kind", delivery.kind().name())
                    .append("published", false)
                    .append("createdAt", at)
                    .append("state", DeliveryState.ATTEMPTED.name())
                    .append("attempts", 1)
                    .append("updatedAt", at));
        }
        Set<Integer> there = new HashSet<>();
        try {
            mongo.getCollection(COLLECTION).insertMany(rows, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException partly) {
            for (BulkWriteError error : partly.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw partly;
                }
                there.add(error.getIndex());
            }
        }
        List<String> existing = new ArrayList<>(there.size());
        for (int i = 0; i < deliveries.size(); i++) {
            UUID id = deliveries.get(i).proofEventId();
            if (there.contains(i)) {
                existing.add(id.toString());
            } else {
                claims.put(id, new Claim(false, false, 1));
            }
        }
        if (!existing.isEmpty()) {
            mongo.getCollection(COLLECTION)
                    .updateMany(
                            Filters.and(Filters.in("_id", existing), Filters.ne("state", DeliveryState.SENT.name())),
                            Updates.combine(
                                    Updates.set("state", DeliveryState.ATTEMPTED.name()),
                                    Updates.inc("attempts", 1),
                                    Updates.set("updatedAt", at)));
            claims.putAll(read(Filters.in("_id", existing)));
        }
        return claims;
    }

    /** The claims of the rows {@code filter} finds, as they are stored. */
    private Map<UUID, Claim> read(Bson filter) {
        Map<UUID, Claim> claims = new HashMap<>();
        for (Document row : mongo.getCollection(COLLECTION)
                .find(filter)
                .projection(Projections.include("state", "published", "attempts"))) {
            boolean sent = DeliveryState.SENT.name().equals(row.getString("state"));
            claims.put(
                    UUID.fromString(row.getString("_id")),
                    new Claim(sent, sent && row.getBoolean("published", false), row.getInteger("attempts", 1)));
        }
        return claims;
    }

    /**
     * {@link #markSent} for many deliveries, those whose proof the broker {@code acknowledged} marked published
     * in the same update: one update when every proof was acknowledged, two when some were not.
     */
    void markSentAll(Collection<Delivery> deliveries, Set<UUID> acknowledged, Instant now) {
        List<Delivery> published = new ArrayList<>(deliveries.size());
        List<Delivery> unpublished = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            (acknowledged.contains(delivery.proofEventId()) ? published : unpublished).add(delivery);
        }
        if (!published.isEmpty()) {
            mongo.getCollection(COLLECTION)
                    .updateMany(
                            Filters.in("_id", ids(published)),
                            Updates.combine(sent(now), Updates.set("published", true)));
        }
        if (!unpublished.isEmpty()) {
            mongo.getCollection(COLLECTION).updateMany(Filters.in("_id", ids(unpublished)), sent(now));
        }
    }

    /** {@link #markPublished} for many deliveries in one update. */
    void markPublishedAll(Collection<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        mongo.getCollection(COLLECTION).updateMany(Filters.in("_id", ids(deliveries)), Updates.set("published", true));
    }

    /** A delivery sent at {@code now}: no error and no retry left on it. */
    private static Bson sent(Instant now) {
        return Updates.combine(
                Updates.set("state", DeliveryState.SENT.name()),
                Updates.set("sentAt", Date.from(now)),
                Updates.set("updatedAt", Date.from(now)),
                Updates.unset("lastError"),
                Updates.unset("retryAt"),
                Updates.unset("retryMessage"));
    }

    private static List<String> ids(Collection<Delivery> deliveries) {
        return deliveries.stream()
                .map(delivery -> delivery.proofEventId().toString())
                .toList();
    }

    void markSent(Delivery delivery, Instant now) {
        mongo.getCollection(COLLECTION).updateOne(key(delivery), sent(now));
    }

    /** Failed, to be tried again from the ledger at {@code retryAt} with the kept message. */
    void markFailedForRetry(Delivery delivery, String cause, Instant now, Instant retryAt, RetryMessage message) {
        mongo.getCollection(COLLECTION)
                .updateOne(
                        key(delivery),
                        Updates.combine(
                                Updates.set("state", DeliveryState.FAILED.name()),
                                Updates.set("lastError", cause),
                                Updates.set("updatedAt", Date.from(now)),
                                Updates.set("retryAt", Date.from(retryAt)),
                                Updates.set("retryMessage", message.toDocument())));
    }

    /** Failed for good: no more retries, the message text is dropped. */
    void markGivenUp(Delivery delivery, String cause, Instant now) {
        mongo.getCollection(COLLECTION)
                .updateOne(
                        key(delivery),
                        Updates.combine(
                                Updates.set("state", DeliveryState.FAILED.name()),
                                Updates.set("lastError", cause),
                                Updates.set("updatedAt", Date.from(now)),
                                Updates.set("givenUp", true),
                                Updates.unset("retryAt"),
                                Updates.unset("retryMessage")));
    }

    /** A delivery whose retry is due, claimed with one more attempt counted. */
    record DueRetry(Delivery delivery, RetryMessage message, int attempts) {}

    /**
     * Claims the delivery whose retry is due the longest: its next retry moves {@code lease} ahead, so
     * that no other instance takes it meanwhile, and one more attempt is counted.
     */
    Optional<DueRetry> claimDueRetry(Instant now, java.time.Duration lease) {
        Document claimed = mongo.getCollection(COLLECTION)
                .findOneAndUpdate(
                        Filters.and(Filters.lte("retryAt", Date.from(now)), Filters.exists("retryMessage")),
                        Updates.combine(
                                Updates.inc("attempts", 1),
                                Updates.set("retryAt", Date.from(now.plus(lease))),
                                Updates.set("updatedAt", Date.from(now))),
                        new FindOneAndUpdateOptions()
                                .sort(com.mongodb.client.model.Sorts.ascending("retryAt"))
                                .returnDocument(ReturnDocument.AFTER));
        if (claimed == null) {
            return Optional.empty();
        }
        return Optional.of(new DueRetry(
                delivery(claimed),
                RetryMessage.from(claimed.get("retryMessage", Document.class)),
                claimed.getInteger("attempts", 1)));
    }

    void markFailed(Delivery delivery, String cause, Instant now) {
        mongo.getCollection(COLLECTION)
                .updateOne(
                        key(delivery),
                        Updates.combine(
                                Updates.set("state", DeliveryState.FAILED.name()),
                                Updates.set("lastError", cause),
                                Updates.set("updatedAt", Date.from(now))));
    }

    void markPublished(Delivery delivery) {
        mongo.getCollection(COLLECTION).updateOne(key(delivery), Updates.set("published", true));
    }

    /** Sent deliveries whose proof was not acknowledged, last touched before {@code cutoff}. */
    List<Delivery> sentUnpublished(Instant cutoff, int limit) {
        return mongo.getCollection(COLLECTION)
                .find(Filters.and(
                        Filters.eq("state", DeliveryState.SENT.name()),
                        Filters.eq("published", false),
                        Filters.lt("updatedAt", Date.from(cutoff))))
                .limit(limit)
                .map(DeliveryLedger::delivery)
                .into(new java.util.ArrayList<>());
    }

    /** How many of {@code recipientRefs} were sent the event's message on the channel in the role. */
    long countSent(
            UUID sourceEventId,
            RecipientRole role,
            DeliveryChannel channel,
            java.util.Collection<String> recipientRefs) {
        return mongo.getCollection(COLLECTION)
                .countDocuments(Filters.and(
                        Filters.eq("sourceEventId", sourceEventId.toString()),
                        Filters.eq("recipientRole", role.name()),
                        Filters.eq("channel", channel.name()),
                        Filters.eq("state", DeliveryState.SENT.name()),
                        Filters.in("recipientRef", recipientRefs)));
    }

    /** A row's id is its delivery's proof event id, derived from event, recipient and channel (unique too). */
    private static Bson key(Delivery delivery) {
        return Filters.eq("_id", delivery.proofEventId().toString());
    }

    private static Delivery delivery(Document document) {
        return new Delivery(
                UUID.fromString(document.getString("_id")),
                UUID.fromString(document.getString("sourceEventId")),
                document.getString("sourceEventType"),
                UUID.fromString(document.getString("ideaId")),
                RecipientRole.valueOf(document.getString("recipientRole")),
                document.getString("recipientRef"),
                DeliveryChannel.valueOf(document.getString("channel")),
                MessageKind.valueOf(document.getString("kind")));
    }
}
