package org.suggestionbox.router.routing;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.router.idea.TeamStrategy;

/**
 * A rule as written in the rules file, the admin API and the {@code routing_rules} collection.
 * {@code category}, {@code department}, {@code keywords} and {@code team} take one value or a list.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RuleDefinition(
        @Nullable String id,

        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable
        List<String> category,

        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable
        List<String> department,

        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable
        List<String> keywords,

        @Nullable String owner,

        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable
        List<String> team,

        @Nullable String strategy) {

    /** The rule; call only on a definition {@link RuleValidator} accepted. */
    public RoutingRule toRule() {
        return new RoutingRule(
                String.valueOf(id),
                orEmpty(category),
                orEmpty(department),
                orEmpty(keywords),
                owner,
                orEmpty(team),
                strategy == null || strategy.isBlank()
                        ? TeamStrategy.ROUND_ROBIN
                        : TeamStrategy.valueOf(strategy.strip().toUpperCase(Locale.ROOT)));
    }

    static List<String> orEmpty(@Nullable List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(value -> value != null && !value.isBlank())
                        .toList();
    }
}
