package org.suggestionbox.notifier.inbox;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import org.suggestionbox.notifier.message.MessageKind;

/**
 * The {@code inbox} collection: one document per message, owned by the recipient's opaque
 * reference (never a person id or address). Its id is derived from the delivery, so storing the
 * same message again changes nothing.
 */
@Component
class InboxStore {

    static final String COLLECTION = "inbox";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    InboxStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void createIndexes() {
        mongo.indexOps(COLLECTION)
                .createIndex(new Index()
                        .named("recipient_newest")
                        .on("recipientRef", Sort.Direction.ASC)
                        .on("createdAt", Sort.Direction.DESC)
                        .on("_id", Sort.Direction.DESC));
    }

    /** An entry and the recipient whose inbox it goes to. */
    record Addressed(String recipientRef, InboxEntry entry) {}

    /** Stores the entry unless an entry with its id is there already. */
    void add(String recipientRef, InboxEntry entry) {
        try {
            mongo.insert(document(recipientRef, entry), COLLECTION);
        } catch (DuplicateKeyException alreadyThere) {
            // the same delivery retried after a crash between storing and recording it: nothing to do
        }
    }

    /** {@link #add} for many entries in one unordered bulk insert. */
    void addAll(List<Addressed> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try {
            mongo.getCollection(COLLECTION)
                    .insertMany(
                            entries.stream()
                                    .map(addressed -> document(addressed.recipientRef(), addressed.entry()))
                                    .toList(),
                            new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException partly) {
            for (BulkWriteError error : partly.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw partly;
                }
            }
            // the others were stored; the duplicates were there already
        }
    }

    private static Document document(String recipientRef, InboxEntry entry) {
        return new Document("_id", entry.id().toString())
                .append("recipientRef", recipientRef)
                .append("ideaId", entry.ideaId().toString())
                .append("kind", entry.kind().name())
                .append("title", entry.title())
                .append("body", entry.body())
                .append("language", entry.language())
                .append("link", entry.link())
                .append("createdAt", Date.from(entry.createdAt()))
                .append("read", false);
    }

    /**
     * Up to {@code limit} entries, newest first (then by id, descending), strictly after
     * {@code afterCreatedAt}/{@code afterId} when given; served by the {@code recipient_newest} index.
     */
    List<InboxEntry> newestFirst(
            String recipientRef, @Nullable Instant afterCreatedAt, @Nullable String afterId, int limit) {
        Bson filter = Filters.eq("recipientRef", recipientRef);
        if (afterCreatedAt != null && afterId != null) {
            Date after = Date.from(afterCreatedAt);
            filter = Filters.and(
                    filter,
                    Filters.or(
                            Filters.lt("createdAt", after),
                            Filters.and(Filters.eq("createdAt", after), Filters.lt("_id", afterId))));
        }
        return mongo.getCollection(COLLECTION)
                .find(filter)
                .sort(Sorts.orderBy(Sorts.descending("createdAt"), Sorts.descending("_id")))
                .limit(limit)
                .map(InboxStore::entry)
                .into(new ArrayList<>());
    }

    long unread(String recipientRef) {
        return mongo.getCollection(COLLECTION)
                .countDocuments(Filters.and(Filters.eq("recipientRef", recipientRef), Filters.eq("read", false)));
    }

    /** @return false when the recipient has no such entry */
    boolean markRead(String recipientRef, UUID id, Instant now) {
        var result = mongo.getCollection(COLLECTION)
                .updateOne(
                        Filters.and(Filters.eq("_id", id.toString()), Filters.eq("recipientRef", recipientRef)),
                        Updates.combine(Updates.set("read", true), Updates.set("readAt", Date.from(now))));
        return result.getMatchedCount() > 0;
    }

    private static InboxEntry entry(Document document) {
        Date readAt = document.getDate("readAt");
        return new InboxEntry(
                UUID.fromString(document.getString("_id")),
                UUID.fromString(document.getString("ideaId")),
                MessageKind.valueOf(document.getString("kind")),
                document.getString("title"),
                document.getString("body"),
                document.getString("language"),
                document.getString("link"),
                document.getDate("createdAt").toInstant(),
                document.getBoolean("read", false),
                readAt == null ? null : readAt.toInstant());
    }
}
