package org.suggestionbox.router.routing;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The rules an administrator set, as one document in {@code routing_rules} (so every router instance
 * and every restart reads the same rules), and the round-robin turns, one counter document per rule in
 * {@code routing_rule_turns}, taken with an atomic {@code findAndModify $inc}.
 */
@Component
class RuleStore {

    static final String RULES = "routing_rules";
    static final String TURNS = "routing_rule_turns";
    private static final String CURRENT = "current";

    private final MongoTemplate mongo;

    RuleStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<List<RuleDefinition>> load() {
        Document stored =
                mongo.getCollection(RULES).find(Filters.eq("_id", CURRENT)).first();
        if (stored == null) {
            return Optional.empty();
        }
        return Optional.of(stored.getList("rules", Document.class).stream()
                .map(RuleStore::fromDocument)
                .toList());
    }

    void save(List<RuleDefinition> rules, String by, Instant at) {
        Document document = new Document("_id", CURRENT)
                .append("rules", rules.stream().map(RuleStore::toDocument).toList())
                .append("updatedBy", by)
                .append("updatedAt", java.util.Date.from(at));
        mongo.getCollection(RULES).replaceOne(Filters.eq("_id", CURRENT), document, new ReplaceOptions().upsert(true));
    }

    long nextTurn(String ruleId) {
        Document counter = mongo.getCollection(TURNS)
                .findOneAndUpdate(
                        Filters.eq("_id", ruleId),
                        Updates.inc("turns", 1L),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return counter != null && counter.get("turns") instanceof Number turns ? turns.longValue() : 1L;
    }

    private static Document toDocument(RuleDefinition rule) {
        Document document = new Document("id", rule.id());
        putList(document, "category", rule.category());
        putList(document, "department", rule.department());
        putList(document, "keywords", rule.keywords());
        if (rule.owner() != null) {
            document.append("owner", rule.owner());
        }
        putList(document, "team", rule.team());
        if (rule.strategy() != null) {
            document.append("strategy", rule.strategy());
        }
        return document;
    }

    private static void putList(Document document, String key, @Nullable List<String> values) {
        if (values != null && !values.isEmpty()) {
            document.append(key, new ArrayList<>(values));
        }
    }

    private static RuleDefinition fromDocument(Document document) {
        return new RuleDefinition(
                document.getString("id"),
                document.getList("category", String.class),
                document.getList("department", String.class),
                document.getList("keywords", String.class),
                document.getString("owner"),
                document.getList("team", String.class),
                document.getString("strategy"));
    }
}
