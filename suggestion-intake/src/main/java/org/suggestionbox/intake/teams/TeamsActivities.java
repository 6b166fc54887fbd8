package org.suggestionbox.intake.teams;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The Teams activity ids intake has seen in the replay window, in MongoDB (collection
 * {@value #COLLECTION}, the id as {@code _id}, so unique): shared by every intake instance and kept
 * across restarts. The first request with an id claims it; once its idea is accepted the idea id is
 * stored with it, and a replay is answered with that idea without publishing again.
 * <p>
 * TTL indexes do not expire documents on the MongoDB-wire server of the local stack, so expiry is
 * read-time ({@code seenAt} older than the window counts as unseen) plus a periodic delete. The delete
 * is idempotent, so N instances running it at once do no harm and need no lock.
 */
@Component
class TeamsActivities {

    static final String COLLECTION = "teamsActivities";
    private static final Logger LOG = LoggerFactory.getLogger(TeamsActivities.class);

    /** What the memory knows of an activity id. */
    sealed interface Claim {

        /** Unseen in the window: the caller submits, then {@link #answered} or {@link #release}. */
        record Claimed() implements Claim {}

        /** Seen, and its idea was accepted. */
        record Answered(UUID ideaId, String trackingUrl) implements Claim {}

        /** Seen, and its first request is still being handled. */
        record InFlight() implements Claim {}
    }

    private final MongoCollection<Document> activities;
    private final Clock clock;
    private final TeamsProperties properties;

    TeamsActivities(MongoTemplate mongo, Clock clock, TeamsProperties properties) {
        this.activities = mongo.getCollection(COLLECTION);
        this.clock = clock;
        this.properties = properties;
        activities.createIndex(Indexes.ascending("seenAt"));
    }

    Claim claim(String activityId) {
        Instant now = clock.instant();
        try {
            activities.insertOne(new Document("_id", activityId).append("seenAt", Date.from(now)));
            return new Claim.Claimed();
        } catch (MongoWriteException ex) {
            if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw ex;
            }
        }
        // seen before; an entry older than the window is taken over atomically, as if unseen
        Document stale = activities.findOneAndUpdate(
                and(eq("_id", activityId), lt("seenAt", cutoff(now))),
                combine(set("seenAt", Date.from(now)), unset("ideaId"), unset("trackingUrl")));
        if (stale != null) {
            return new Claim.Claimed();
        }
        Document seen = activities.find(eq("_id", activityId)).first();
        if (seen != null && seen.getString("ideaId") != null && seen.getString("trackingUrl") != null) {
            return new Claim.Answered(UUID.fromString(seen.getString("ideaId")), seen.getString("trackingUrl"));
        }
        return new Claim.InFlight();
    }

    void answered(String activityId, UUID ideaId, String trackingUrl) {
        activities.updateOne(
                eq("_id", activityId), combine(set("ideaId", ideaId.toString()), set("trackingUrl", trackingUrl)));
    }

    /** Forgets a claim whose submission was not accepted, so Teams (or the person) may try again. */
    void release(String activityId) {
        activities.deleteOne(eq("_id", activityId));
    }

    @Scheduled(
            fixedDelayString = "${suggestionbox.intake.teams.cleanup-interval:1h}",
            initialDelayString = "${suggestionbox.intake.teams.cleanup-interval:1h}")
    void forgetExpired() {
        long deleted =
                activities.deleteMany(lt("seenAt", cutoff(clock.instant()))).getDeletedCount();
        if (deleted > 0) {
            LOG.info("Forgot {} Teams activity ids older than {}", deleted, properties.replayWindow());
        }
    }

    private Date cutoff(Instant now) {
        return Date.from(now.minus(properties.replayWindow()));
    }
}
