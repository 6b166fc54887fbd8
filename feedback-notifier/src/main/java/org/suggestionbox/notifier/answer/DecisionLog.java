package org.suggestionbox.notifier.answer;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.IdeaDecided;
import org.suggestionbox.events.IdeaLifecycleEvent;
import org.suggestionbox.notifier.config.NotifierProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code decisions} collection: per idea the latest {@code IdeaDecided} seen ({@code _id} idea
 * id, {@code sourceEventId}, the event as sealed JSON, {@code decidedAt}, {@code recordedAt}, the
 * submitters' opaque references, {@code answered} once the reconciler found it in all their inboxes).
 */
@Component
public class DecisionLog {

    static final String COLLECTION = "decisions";

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final DecisionSealer sealer;

    DecisionLog(MongoTemplate mongo, JsonMapper json, NotifierProperties properties) {
        this.mongo = mongo;
        this.json = json;
        this.sealer = new DecisionSealer(properties.recipientRefKey());
    }

    @PostConstruct
    void createIndexes() {
        mongo.indexOps(COLLECTION)
                .createIndex(new Index()
                        .named("unverified")
                        .on("answered", Sort.Direction.ASC)
                        .on("recordedAt", Sort.Direction.ASC));
    }

    /**
     * Keeps the decision unless a later one of the idea is kept already; a decision seen again (a
     * redelivery) is checked again.
     */
    public void record(IdeaDecided decided, Collection<String> submitterRefs, Instant now) {
        Document document = new Document("_id", decided.ideaId().toString())
                .append("sourceEventId", decided.eventId().toString())
                .append(
                        "event",
                        sealer.seal(json.writerFor(IdeaLifecycleEvent.class).writeValueAsString(decided)))
                .append("decidedAt", Date.from(decided.occurredAt()))
                .append("recordedAt", Date.from(now))
                .append("submitterRefs", List.copyOf(new java.util.LinkedHashSet<>(submitterRefs)))
                .append("answered", false);
        try {
            mongo.getCollection(COLLECTION)
                    .replaceOne(
                            Filters.and(
                                    Filters.eq("_id", decided.ideaId().toString()),
                                    Filters.lte("decidedAt", Date.from(decided.occurredAt()))),
                            document,
                            new ReplaceOptions().upsert(true));
        } catch (DuplicateKeyException | MongoWriteException later) {
            if (later instanceof MongoWriteException write && write.getError().getCode() != 11000) {
                throw write;
            }
            // the idea has a later decision already: that one is the answer to prove
        }
    }

    /** Decisions not yet found answered, recorded before {@code cutoff}, oldest first. */
    List<Decision> unverified(Instant cutoff, int limit) {
        return mongo.getCollection(COLLECTION)
                .find(Filters.and(Filters.eq("answered", false), Filters.lt("recordedAt", Date.from(cutoff))))
                .sort(Sorts.ascending("recordedAt"))
                .limit(limit)
                .map(DecisionLog::decision)
                .into(new ArrayList<>());
    }

    IdeaDecided event(Decision decision) {
        Document document = mongo.getCollection(COLLECTION)
                .find(Filters.and(
                        Filters.eq("_id", decision.ideaId().toString()),
                        Filters.eq("sourceEventId", decision.sourceEventId().toString())))
                .first();
        if (document == null) {
            throw new IllegalStateException("Decision " + decision.sourceEventId() + " was replaced");
        }
        return (IdeaDecided) json.readValue(sealer.open(document.getString("event")), IdeaLifecycleEvent.class);
    }

    void markAnswered(Decision decision, Instant now) {
        mongo.getCollection(COLLECTION)
                .updateOne(
                        Filters.and(
                                Filters.eq("_id", decision.ideaId().toString()),
                                Filters.eq(
                                        "sourceEventId",
                                        decision.sourceEventId().toString())),
                        Updates.combine(Updates.set("answered", true), Updates.set("answeredAt", Date.from(now))));
    }

    private static Decision decision(Document document) {
        return new Decision(
                UUID.fromString(document.getString("_id")),
                UUID.fromString(document.getString("sourceEventId")),
                document.getDate("decidedAt").toInstant(),
                document.getList("submitterRefs", String.class, List.of()));
    }
}
