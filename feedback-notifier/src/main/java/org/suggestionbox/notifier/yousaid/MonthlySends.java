package org.suggestionbox.notifier.yousaid;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.events.EventIds;

/**
 * The {@code you_said_we_did} collection: one document per person, month and channel, its id derived
 * from the three (the person by opaque reference), claimed before the digest is sent. A second run of the
 * job, or a second instance, finds the claim and sends nothing; a send that fails gives its claim back so
 * that the next run tries again. A process that dies between claim and send leaves the claim: that
 * person misses the month's digest on that channel rather than getting it twice.
 */
@Component
class MonthlySends {

    static final String COLLECTION = "you_said_we_did";

    private final MongoTemplate mongo;

    MonthlySends(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static UUID id(String recipientRef, YearMonth month, DeliveryChannel channel) {
        return EventIds.derive("you-said-we-did", recipientRef, month.toString(), channel.name());
    }

    /** Claims the send; {@code false} when it was claimed (or made) before. */
    boolean claim(String recipientRef, YearMonth month, DeliveryChannel channel, Instant now) {
        Document claim = new Document("_id", id(recipientRef, month, channel).toString())
                .append("recipientRef", recipientRef)
                .append("month", month.toString())
                .append("channel", channel.name())
                .append("claimedAt", Date.from(now));
        try {
            mongo.insert(claim, COLLECTION);
            return true;
        } catch (DuplicateKeyException claimedBefore) {
            return false;
        }
    }

    void sent(String recipientRef, YearMonth month, DeliveryChannel channel, Instant now) {
        mongo.getCollection(COLLECTION)
                .updateOne(
                        Filters.eq("_id", id(recipientRef, month, channel).toString()),
                        Updates.set("sentAt", Date.from(now)));
    }

    /** Gives a claim back after a failed send. */
    void release(String recipientRef, YearMonth month, DeliveryChannel channel) {
        mongo.getCollection(COLLECTION)
                .deleteOne(Filters.eq("_id", id(recipientRef, month, channel).toString()));
    }
}
