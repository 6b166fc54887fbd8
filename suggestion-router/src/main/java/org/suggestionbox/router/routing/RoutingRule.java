package org.suggestionbox.router.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.router.idea.RoutedBecause.Criterion;
import org.suggestionbox.router.idea.RoutedBecause.Match;
import org.suggestionbox.router.idea.TeamStrategy;

/**
 * One declarative rule. It matches an idea when every matcher it names matches (a matcher left empty
 * matches anything): one of {@code categories}, one of {@code departments} (the submitter's), any of
 * {@code keywords} as a whole word in the title or description, ignoring case. Its target is either
 * one {@code owner} or a {@code team} picked from by {@code strategy}.
 *
 * @param id a stable name, shown to the owner ("… matched rule ops-safety")
 * @param categories the categories the rule matches, empty for any
 * @param departments the submitter departments the rule matches, empty for any
 * @param keywords words of which any must occur in the title or description, empty for any text
 * @param owner the directory id of the single owner, or null when the target is a team
 * @param team the directory ids of the team, empty when the target is one owner
 * @param strategy how a team member is chosen; ignored for a single owner
 */
public record RoutingRule(
        String id,
        List<String> categories,
        List<String> departments,
        List<String> keywords,
        @Nullable String owner,
        List<String> team,
        TeamStrategy strategy) {

    public RoutingRule {
        owner = owner == null || owner.isBlank() ? null : owner.strip();
        if (id.isBlank() || (owner != null) == !team.isEmpty()) {
            throw new IllegalArgumentException("A routing rule needs an id and either an owner or a team: " + id);
        }
        categories = normalised(categories);
        departments = normalised(departments);
        keywords = normalised(keywords);
        team = team.stream().map(String::strip).toList();
    }

    /** A rule sending the ideas of some categories to one owner. */
    public RoutingRule(String id, List<String> categories, String owner) {
        this(id, categories, List.of(), List.of(), owner, List.of(), TeamStrategy.ROUND_ROBIN);
    }

    /** The candidates in the order written: the owner alone, or the team. */
    public List<String> candidates() {
        return owner != null ? List.of(owner) : team;
    }

    public boolean isTeam() {
        return owner == null;
    }

    /** What of this rule matched the idea (category, department, keyword, or any idea); null when it does not match. */
    @Nullable
    List<Match> matches(RoutingRequest request) {
        List<Match> matched = new ArrayList<>();
        if (!categories.isEmpty()) {
            String category = normalise(request.category());
            if (!categories.contains(category)) {
                return null;
            }
            matched.add(new Match(Criterion.CATEGORY, category));
        }
        if (!departments.isEmpty()) {
            String given = request.department();
            if (given == null || !departments.contains(normalise(given))) {
                return null;
            }
            matched.add(new Match(Criterion.DEPARTMENT, given.strip()));
        }
        if (!keywords.isEmpty()) {
            String text = request.title() + "\n" + request.description();
            String found = keywords.stream()
                    .filter(keyword -> containsWord(text, keyword))
                    .findFirst()
                    .orElse(null);
            if (found == null) {
                return null;
            }
            matched.add(new Match(Criterion.KEYWORD, found));
        }
        return matched.isEmpty() ? List.of(new Match(Criterion.ANY, "")) : matched;
    }

    private static boolean containsWord(String text, String keyword) {
        Matcher matcher = Pattern.compile(
                        "(?<![\\p{L}\\p{N}_])" + Pattern.quote(keyword) + "(?![\\p{L}\\p{N}_])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(text);
        return matcher.find();
    }

    private static List<String> normalised(List<String> values) {
        return values.stream()
                .map(RoutingRule::normalise)
                .filter(value -> !value.isEmpty())
                .distinct()
                .toList();
    }

    private static String normalise(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
