package org.suggestionbox.notifier.preferences;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.DeliveryChannel;

/**
 * The {@code preferences} collection: one document per person, its id their opaque reference (no
 * name, id or address in clear).
 */
@Component
class PreferenceStore {

    static final String COLLECTION = "preferences";

    private final MongoTemplate mongo;

    PreferenceStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<Preferences> find(String recipientRef) {
        Document document = mongo.getCollection(COLLECTION)
                .find(Filters.eq("_id", recipientRef))
                .first();
        return Optional.ofNullable(document).map(PreferenceStore::preferences);
    }

    /** The stored preferences of those of {@code recipientRefs} who have any, in one query. */
    Map<String, Preferences> findAll(Collection<String> recipientRefs) {
        Map<String, Preferences> found = new HashMap<>();
        for (Document document : mongo.getCollection(COLLECTION).find(Filters.in("_id", recipientRefs))) {
            found.put(document.getString("_id"), preferences(document));
        }
        return found;
    }

    void save(String recipientRef, Preferences preferences, Instant now) {
        Document document = new Document("_id", recipientRef)
                .append(
                        "channels",
                        preferences.channels().stream().map(Enum::name).sorted().toList())
                .append("teamsWebhookUrl", preferences.teamsWebhookUrl())
                .append("webhookUrl", preferences.webhookUrl())
                .append("locale", preferences.locale())
                .append("digest", preferences.digest())
                .append("managerHearsThanks", preferences.managerHearsThanks())
                .append("monthlyDigest", preferences.monthlyDigest())
                .append("updatedAt", Date.from(now));
        mongo.getCollection(COLLECTION)
                .replaceOne(Filters.eq("_id", recipientRef), document, new ReplaceOptions().upsert(true));
    }

    private static Preferences preferences(Document document) {
        List<String> channels = document.getList("channels", String.class, List.of());
        return new Preferences(
                channels.stream().map(DeliveryChannel::valueOf).collect(Collectors.toSet()),
                document.getString("teamsWebhookUrl"),
                document.getString("webhookUrl"),
                document.getString("locale"),
                document.getBoolean("digest", false),
                document.getBoolean("managerHearsThanks", false),
                // stored before the monthly digest existed: in, as for everyone who never chose
                document.getBoolean("monthlyDigest", true));
    }
}
