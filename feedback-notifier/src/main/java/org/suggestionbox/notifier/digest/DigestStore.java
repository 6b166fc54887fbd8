package org.suggestionbox.notifier.digest;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.EventIds;
import org.suggestionbox.notifier.delivery.DigestQueue;
import org.suggestionbox.notifier.message.Message;

/**
 * Two collections, both keyed by the recipient's opaque reference (no name, id or address):
 * {@code digest_items}, one document per queued message (its id derived from the event and the
 * recipient, so queuing again changes nothing; {@code digestId} once a digest took it, {@code sent}
 * once that digest went out), and {@code digests}, one document per digest sent (its id derived
 * from the recipient and the day).
 */
@Component
class DigestStore implements DigestQueue {

    static final String ITEMS = "digest_items";
    static final String DIGESTS = "digests";

    private final MongoTemplate mongo;

    DigestStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void createIndexes() {
        var items = mongo.indexOps(ITEMS);
        items.createIndex(
                new Index().named("pending").on("sent", Sort.Direction.ASC).on("recipientRef", Sort.Direction.ASC));
        items.createIndex(new Index().named("digest").on("digestId", Sort.Direction.ASC));
    }

    @Override
    public void queue(Message message, String recipientRef) {
        Document document = new Document(
                        "_id",
                        EventIds.derive(message.sourceEventId(), recipientRef, "digest")
                                .toString())
                .append("recipientRef", recipientRef)
                .append("sourceEventId", message.sourceEventId().toString())
                .append("ideaId", message.ideaId().toString())
                .append("kind", message.kind().name())
                .append("title", message.title())
                .append("body", message.body())
                .append("link", message.link())
                .append("occurredAt", Date.from(message.occurredAt()))
                .append("sent", false);
        try {
            mongo.insert(document, ITEMS);
        } catch (DuplicateKeyException alreadyQueued) {
            // the same event redelivered: it is in the digest once
        }
    }

    /** The people with items waiting for a digest. */
    List<String> pendingRecipients() {
        return mongo.getCollection(ITEMS)
                .distinct("recipientRef", Filters.eq("sent", false), String.class)
                .into(new ArrayList<>());
    }

    boolean digestSent(UUID digestId) {
        return mongo.getCollection(DIGESTS).countDocuments(Filters.eq("_id", digestId.toString())) > 0;
    }

    /** Gives the recipient's waiting items to the digest (also those of an earlier digest that was not sent). */
    void claim(String recipientRef, UUID digestId) {
        mongo.getCollection(ITEMS)
                .updateMany(
                        Filters.and(Filters.eq("recipientRef", recipientRef), Filters.eq("sent", false)),
                        Updates.set("digestId", digestId.toString()));
    }

    /** The digest's items not yet sent, oldest first. */
    List<DigestItem> claimed(UUID digestId) {
        return mongo.getCollection(ITEMS)
                .find(Filters.and(Filters.eq("digestId", digestId.toString()), Filters.eq("sent", false)))
                .sort(Sorts.ascending("occurredAt", "_id"))
                .map(document -> new DigestItem(
                        document.getString("title"),
                        document.getString("body"),
                        document.getString("link"),
                        document.getDate("occurredAt").toInstant()))
                .into(new ArrayList<>());
    }

    /** Records the digest as sent, then its items. */
    void markSent(UUID digestId, String recipientRef, LocalDate day, int items, Instant now) {
        mongo.getCollection(DIGESTS)
                .replaceOne(
                        Filters.eq("_id", digestId.toString()),
                        new Document("_id", digestId.toString())
                                .append("recipientRef", recipientRef)
                                .append("day", day.toString())
                                .append("items", items)
                                .append("sentAt", Date.from(now)),
                        new ReplaceOptions().upsert(true));
        markItemsSent(digestId, now);
    }

    /** Marks the digest's items sent (also repairs a run that stopped between the two writes). */
    void markItemsSent(UUID digestId, Instant now) {
        mongo.getCollection(ITEMS)
                .updateMany(
                        Filters.and(Filters.eq("digestId", digestId.toString()), Filters.eq("sent", false)),
                        Updates.combine(Updates.set("sent", true), Updates.set("sentAt", Date.from(now))));
    }
}
