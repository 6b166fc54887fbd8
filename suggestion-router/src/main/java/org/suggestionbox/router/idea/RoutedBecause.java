package org.suggestionbox.router.idea;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Why routing gave an idea its owner, kept in parts so that a page can say it in its reader's
 * language. {@link #inEnglish()} is the text the API shows and {@code IdeaAssigned} carries.
 */
public sealed interface RoutedBecause
        permits RoutedBecause.ToOwner, RoutedBecause.ToTeamMember, RoutedBecause.ToTriage, RoutedBecause.InEnglishOnly {

    /** E.g. "category 'operations' matched rule ops-owner; owned by Jan Kowalski". */
    String inEnglish();

    /** The rule that matched; null when the idea went to the triage owner or is not known in parts. */
    default @Nullable String ruleId() {
        return null;
    }

    /** Whether no rule could take the idea and it went to the triage owner. */
    default boolean triage() {
        return this instanceof ToTriage;
    }

    /** A rule naming one owner matched. */
    static RoutedBecause toOwner(String ruleId, List<Match> matched, String ownerName) {
        return new ToOwner(ruleId, matched, ownerName);
    }

    /** A rule naming a team matched, and its strategy chose the member. */
    static RoutedBecause toTeamMember(String ruleId, List<Match> matched, TeamStrategy teamStrategy, String ownerName) {
        return new ToTeamMember(ruleId, matched, teamStrategy, ownerName);
    }

    /** No rule could take the idea: it went to the triage owner. */
    static RoutedBecause toTriage(String category, List<Unowned> unowned, String triageOwnerName) {
        return new ToTriage(category, unowned, triageOwnerName);
    }

    /** A rule naming one owner matched; {@code matched} is what of it matched the idea. */
    record ToOwner(String ruleId, List<Match> matched, String ownerName) implements RoutedBecause {

        public ToOwner {
            matched = List.copyOf(matched);
        }

        @Override
        public String inEnglish() {
            return Match.inEnglish(matched, ruleId) + "owned by " + ownerName;
        }
    }

    /** A rule naming a team matched, and {@code teamStrategy} chose {@code ownerName} among its members. */
    record ToTeamMember(String ruleId, List<Match> matched, TeamStrategy teamStrategy, String ownerName)
            implements RoutedBecause {

        public ToTeamMember {
            matched = List.copyOf(matched);
        }

        @Override
        public String inEnglish() {
            return Match.inEnglish(matched, ruleId) + "team strategy " + teamStrategy + " chose " + ownerName;
        }
    }

    /**
     * No rule could take the idea: it went to the triage owner. {@code unowned} are rules that matched but
     * name nobody who is an owner in the directory.
     */
    record ToTriage(String category, List<Unowned> unowned, String ownerName) implements RoutedBecause {

        public ToTriage {
            unowned = List.copyOf(unowned);
        }

        @Override
        public String inEnglish() {
            String why = unowned.isEmpty()
                    ? "no routing rule matches category " + category
                    : unowned.stream().map(Unowned::inEnglish).collect(Collectors.joining("; "))
                            + "; no other rule matches";
            return why + "; sent to triage owner " + ownerName;
        }
    }

    /** An idea routed before the reasons were kept in parts: only the English text is known. */
    record InEnglishOnly(String inEnglish) implements RoutedBecause {}

    /** What a rule matches on. */
    enum Criterion {
        CATEGORY,
        DEPARTMENT,
        KEYWORD,
        ANY
    }

    /** One thing of a rule that matched the idea; {@code value} is empty for {@link Criterion#ANY}. */
    record Match(Criterion on, String value) {

        String inEnglish() {
            return on == Criterion.ANY ? "any idea" : on.name().toLowerCase(Locale.ROOT) + " '" + value + "'";
        }

        static String inEnglish(List<Match> matched, String ruleId) {
            return matched.stream().map(Match::inEnglish).collect(Collectors.joining(", ")) + " matched rule " + ruleId
                    + "; ";
        }
    }

    /** A rule that matched but whose candidates are not owners in the directory. */
    record Unowned(String ruleId, List<String> candidates) {

        public Unowned {
            candidates = List.copyOf(candidates);
        }

        String inEnglish() {
            return "rule " + ruleId + " matched but " + String.join(", ", candidates)
                    + (candidates.size() == 1 ? " is" : " are") + " not an owner in the directory";
        }
    }
}
