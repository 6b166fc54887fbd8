package org.suggestionbox.router.idea;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Why routing gave an idea its owner, kept in parts so that a page can say it in its reader's
 * language. {@link #inEnglish()} is the text the API shows and {@code IdeaAssigned} carries.
 *
 * @param ruleId the rule that matched, or null when the idea went to the triage owner
 * @param matched what of the rule matched the idea; for triage, the idea's category
 * @param teamStrategy how a team member was chosen (a {@code TeamStrategy} name), or null for a single
 *        owner and for triage
 * @param ownerName who got the idea
 * @param unowned rules that matched but name nobody who is an owner in the directory (triage only)
 */
public record RoutedBecause(@Nullable String ruleId, List<Match> matched, @Nullable String teamStrategy,
        String ownerName, List<Unowned> unowned) {

    public RoutedBecause {
        matched = List.copyOf(matched);
        unowned = List.copyOf(unowned);
    }

    /** A rule naming one owner matched. */
    public static RoutedBecause toOwner(String ruleId, List<Match> matched, String ownerName) {
        return new RoutedBecause(ruleId, matched, null, ownerName, List.of());
    }

    /** A rule naming a team matched, and its strategy chose the member. */
    public static RoutedBecause toTeamMember(String ruleId, List<Match> matched, String teamStrategy,
            String ownerName) {
        return new RoutedBecause(ruleId, matched, teamStrategy, ownerName, List.of());
    }

    /** No rule could take the idea: it went to the triage owner. */
    public static RoutedBecause toTriage(String category, List<Unowned> unowned, String triageOwnerName) {
        return new RoutedBecause(null, List.of(new Match(Criterion.CATEGORY, category)), null, triageOwnerName,
                unowned);
    }

    public boolean triage() {
        return ruleId == null;
    }

    /** E.g. "category 'operations' matched rule ops-owner; owned by Jan Kowalski". */
    public String inEnglish() {
        if (ruleId == null) {
            String why = unowned.isEmpty() ? "no routing rule matches category " + matched.getFirst().value()
                    : unowned.stream().map(Unowned::inEnglish).collect(Collectors.joining("; "))
                            + "; no other rule matches";
            return why + "; sent to triage owner " + ownerName;
        }
        String because = matched.stream().map(Match::inEnglish).collect(Collectors.joining(", ")) + " matched rule "
                + ruleId + "; ";
        return teamStrategy == null ? because + "owned by " + ownerName
                : because + "team strategy " + teamStrategy + " chose " + ownerName;
    }

    /** What a rule matches on. */
    public enum Criterion {
        CATEGORY, DEPARTMENT, KEYWORD, ANY
    }

    /** One thing of a rule that matched the idea; {@code value} is empty for {@link Criterion#ANY}. */
    public record Match(Criterion on, String value) {

        String inEnglish() {
            return on == Criterion.ANY ? "any idea" : on.name().toLowerCase(Locale.ROOT) + " '" + value + "'";
        }
    }

    /** A rule that matched but whose candidates are not owners in the directory. */
    public record Unowned(String ruleId, List<String> candidates) {

        public Unowned {
            candidates = List.copyOf(candidates);
        }

        String inEnglish() {
            return "rule " + ruleId + " matched but " + String.join(", ", candidates)
                    + (candidates.size() == 1 ? " is" : " are") + " not an owner in the directory";
        }
    }
}
