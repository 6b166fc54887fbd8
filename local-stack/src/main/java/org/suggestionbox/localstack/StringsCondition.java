package org.suggestionbox.localstack;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A condition {@code field: {$in: [strings]}} or {@code field: {$nin: [strings]}} on a top-level field, at a query's
 * top level or as a part of its top-level {@code $and}, taken out of the query to be decided by looking each of the
 * field's values up in a set of the strings, as MongoDB does with the values of an {@code $in} or {@code $nin}.
 * mongo-java-server's matcher compares the field with every value in turn, for every document: a bulk update of a
 * batch's delivery rows by their ids, each id compared with every id of the batch, and the dashboard counters'
 * increments, conditional on none of a batch's event ids being among the 200 each counter remembers, spent a tenth
 * of the MongoDB-wire server's samples at 200 ideas/s in those comparisons (JFR, issue #13).
 *
 * @param negated {@code $nin} rather than {@code $in}
 * @param rest the query without the condition, for the library's matcher
 */
record StringsCondition(String field, Set<String> values, boolean negated, Document rest) {

    private static final String IN = "$in";
    private static final String NOT_IN = "$nin";

    /** The first such condition of the query, or null when it has none. */
    static @Nullable StringsCondition of(Document query) {
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            StringsCondition condition = of(entry.getKey(), entry.getValue(), () -> {
                Document rest = new Document(query);
                rest.remove(entry.getKey());
                return rest;
            });
            if (condition != null) {
                return condition;
            }
        }
        if (query.get("$and") instanceof List<?> parts) {
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i) instanceof Document part && part.size() == 1) {
                    Map.Entry<String, Object> only = part.entrySet().iterator().next();
                    int index = i;
                    StringsCondition condition = of(only.getKey(), only.getValue(), () -> {
                        List<Object> others = new ArrayList<>(parts);
                        others.remove(index);
                        Document rest = new Document(query);
                        if (others.isEmpty()) {
                            rest.remove("$and");
                        } else {
                            rest.put("$and", others);
                        }
                        return rest;
                    });
                    if (condition != null) {
                        return condition;
                    }
                }
            }
        }
        return null;
    }

    /** The condition {@code {$in | $nin: [strings]}} on a plain field name; null for any other. */
    private static @Nullable StringsCondition of(String field, @Nullable Object condition, Supplier<Document> rest) {
        if (field.startsWith("$")
                || field.contains(".")
                || !(condition instanceof Document operators)
                || operators.size() != 1) {
            return null;
        }
        String operator = operators.keySet().iterator().next();
        if (!(IN.equals(operator) || NOT_IN.equals(operator))
                || !(operators.get(operator) instanceof List<?> listed)
                || listed.isEmpty()) {
            return null;
        }
        Set<String> values = new HashSet<>();
        for (Object value : listed) {
            if (!(value instanceof String string)) {
                return null;
            }
            values.add(string);
        }
        return new StringsCondition(field, values, NOT_IN.equals(operator), rest.get());
    }

    /**
     * Whether the set lookup decides for the document: not when its field is an array holding arrays, whose elements
     * the library compares too (MongoDB does not), so the library's matcher keeps deciding those.
     */
    boolean decides(Document document) {
        return !(document.get(this.field) instanceof Collection<?> elements)
                || elements.stream().noneMatch(Collection.class::isInstance);
    }

    /**
     * Whether the document's field holds one of the strings ({@code $in}), or none of them ({@code $nin}): as its
     * value or as an element of its array. A missing field, null, and values of other types are none of them.
     */
    boolean matches(Document document) {
        Object value = document.get(this.field);
        boolean listed =
                value instanceof Collection<?> elements ? elements.stream().anyMatch(this::listed) : listed(value);
        return listed != this.negated;
    }

    private boolean listed(@Nullable Object value) {
        return value instanceof String string && this.values.contains(string);
    }
}
