package org.suggestionbox.notifier.yousaid;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PostConstruct;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.IdeaImpactMeasured;
import org.suggestionbox.events.IdeaLifecycleEvent;
import org.suggestionbox.events.IdeaStatusChanged;
import org.suggestionbox.events.Impact;
import org.suggestionbox.events.ProgressStatus;
import org.suggestionbox.events.Visibility;

/**
 * The {@code implemented_ideas} collection: one document per implemented idea colleagues may see, its id
 * the idea's id, so that a redelivered or replayed event writes the same document again. An
 * {@link IdeaStatusChanged} to {@code IMPLEMENTED} writes the title, the time and the estimated impact;
 * an {@link IdeaImpactMeasured} adds the measured impact. An idea that is (or became) private is removed:
 * nothing of it is kept for the digest. Events from before visibility existed carry none and count as
 * private.
 */
@Component
public class ImplementedIdeas {

    static final String COLLECTION = "implemented_ideas";

    private final MongoTemplate mongo;

    ImplementedIdeas(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void createIndexes() {
        mongo.indexOps(COLLECTION)
                .createIndex(new Index().named("implementedAt").on("implementedAt", Sort.Direction.ASC));
    }

    /** Keeps what the event tells about an implemented idea; other events change nothing. */
    public void remember(IdeaLifecycleEvent event) {
        switch (event) {
            case IdeaStatusChanged changed when changed.status() == ProgressStatus.IMPLEMENTED -> implemented(changed);
            case IdeaImpactMeasured measured -> measured(measured);
            default -> {}
        }
    }

    private void implemented(IdeaStatusChanged changed) {
        if (!companyWide(changed.visibility())) {
            forget(changed.ideaId());
            return;
        }
        List<Bson> set = new ArrayList<>(List.of(
                Updates.set("title", changed.title()), Updates.set("implementedAt", Date.from(changed.occurredAt()))));
        Impact estimated = changed.impact();
        set.add(estimated == null ? Updates.unset("estimated") : Updates.set("estimated", document(estimated)));
        mongo.getCollection(COLLECTION)
                .updateOne(
                        Filters.eq("_id", changed.ideaId().toString()),
                        Updates.combine(set),
                        new UpdateOptions().upsert(true));
    }

    /** Adds the measured benefit to an idea already listed (one implemented before this service kept them is not). */
    private void measured(IdeaImpactMeasured measured) {
        if (!companyWide(measured.visibility())) {
            forget(measured.ideaId());
            return;
        }
        mongo.getCollection(COLLECTION)
                .updateOne(
                        Filters.eq("_id", measured.ideaId().toString()),
                        Updates.combine(
                                Updates.set("title", measured.title()),
                                Updates.set("measured", document(measured.measured()))));
    }

    private void forget(UUID ideaId) {
        mongo.getCollection(COLLECTION).deleteOne(Filters.eq("_id", ideaId.toString()));
    }

    /** Ideas carry their visibility; absent (from before it existed) is private. */
    private static boolean companyWide(@Nullable Visibility visibility) {
        return visibility != null && visibility.isCompanyWide();
    }

    /** The ideas implemented in {@code month} (in {@code zone}), in the order they were implemented. */
    List<ImplementedIdea> implementedIn(YearMonth month, ZoneId zone) {
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return mongo.getCollection(COLLECTION)
                .find(Filters.and(
                        Filters.gte("implementedAt", Date.from(from)), Filters.lt("implementedAt", Date.from(to))))
                .sort(Sorts.ascending("implementedAt", "_id"))
                .map(ImplementedIdeas::idea)
                .into(new ArrayList<>());
    }

    private static ImplementedIdea idea(Document document) {
        return new ImplementedIdea(
                UUID.fromString(document.getString("_id")),
                document.getString("title"),
                document.getDate("implementedAt").toInstant(),
                impact(document.get("estimated", Document.class)),
                impact(document.get("measured", Document.class)));
    }

    private static Document document(Impact impact) {
        // the amount as written (a string keeps 12.50 as 12.50 on every Mongo server)
        return new Document("summary", impact.summary())
                .append("amount", impact.amount().toPlainString())
                .append("unit", impact.unit());
    }

    private static @Nullable Impact impact(@Nullable Document document) {
        if (document == null) {
            return null;
        }
        return new Impact(
                document.getString("summary"),
                new BigDecimal(document.getString("amount")),
                document.getString("unit"));
    }
}
