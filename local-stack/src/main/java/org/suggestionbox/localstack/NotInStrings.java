package org.suggestionbox.localstack;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A condition {@code field: {$nin: [strings]}} on a top-level field, at a query's top level or as a part of its
 * top-level {@code $and}, taken out of the query to be decided by looking each of the field's values up in a set of
 * the strings, as MongoDB does with the values of an {@code $in} or {@code $nin}. mongo-java-server's matcher compares
 * every element of an array field with every value: the dashboard counters' increments, conditional on none of a
 * batch's event ids being among the 200 each counter remembers, spent a tenth of the server's samples in those
 * comparisons at 200 ideas/s (JFR, issue #13).
 *
 * @param rest the query without the condition, for the library's matcher
 */
record NotInStrings(String field, Set<String> values, Document rest) {

    /** The first such condition of the query, or null when it has none. */
    static @Nullable NotInStrings in(Document query) {
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            Set<String> values = strings(entry.getKey(), entry.getValue());
            if (values != null) {
                Document rest = new Document(query);
                rest.remove(entry.getKey());
                return new NotInStrings(entry.getKey(), values, rest);
            }
        }
        if (query.get("$and") instanceof List<?> parts) {
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i) instanceof Document part && part.size() == 1) {
                    Map.Entry<String, Object> only = part.entrySet().iterator().next();
                    Set<String> values = strings(only.getKey(), only.getValue());
                    if (values != null) {
                        List<Object> others = new ArrayList<>(parts);
                        others.remove(i);
                        Document rest = new Document(query);
                        if (others.isEmpty()) {
                            rest.remove("$and");
                        } else {
                            rest.put("$and", others);
                        }
                        return new NotInStrings(only.getKey(), values, rest);
                    }
                }
            }
        }
        return null;
    }

    /** The strings of {@code {$nin: [strings]}} on a plain field name; null for any other condition. */
    private static @Nullable Set<String> strings(String field, @Nullable Object condition) {
        if (field.startsWith("$")
                || field.contains(".")
                || !(condition instanceof Document operators)
                || operators.size() != 1
                || !(operators.get("$nin") instanceof List<?> listed)
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
        return values;
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
     * Whether the document's field holds none of the strings: neither as its value nor as an element of its array.
     * A missing field, null, and values of other types are none of them.
     */
    boolean matches(Document document) {
        Object value = document.get(this.field);
        if (value instanceof Collection<?> elements) {
            return elements.stream().noneMatch(this::listed);
        }
        return !listed(value);
    }

    private boolean listed(@Nullable Object value) {
        return value instanceof String string && this.values.contains(string);
    }
}
