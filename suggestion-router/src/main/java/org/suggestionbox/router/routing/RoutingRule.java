package org.suggestionbox.router.routing;

import java.util.List;
import java.util.Locale;

/**
 * One declarative rule: ideas in one of {@code categories} go to {@code owner}.
 *
 * @param id a stable name, shown to the owner ("routed to you because … (rule cx-owner)")
 * @param categories the categories the rule matches
 * @param owner the directory id of the owner
 */
public record RoutingRule(String id, List<String> categories, String owner) {

    public RoutingRule {
        if (id.isBlank() || owner.isBlank() || categories.isEmpty()) {
            throw new IllegalArgumentException("A routing rule needs an id, an owner and at least one category");
        }
        categories = categories.stream().map(category -> category.strip().toLowerCase(Locale.ROOT)).toList();
    }

    boolean matches(String category) {
        return categories.contains(category.strip().toLowerCase(Locale.ROOT));
    }
}
