package org.suggestionbox.router.routing;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.suggestionbox.platform.i18n.BidiIsolates;
import org.suggestionbox.router.idea.RoutedBecause;
import org.suggestionbox.router.idea.RoutedBecause.Criterion;

/**
 * Says why an idea came to its owner in the reader's language, categories by the names the pages give
 * them: {@code ${@routedBecauseText.say(idea.routing, idea.routedBecause, #locale)}}. Ideas routed before
 * the reason was kept in parts have only the English text, which is shown as it is.
 */
@Component
public class RoutedBecauseText {

    private final MessageSource messages;

    RoutedBecauseText(MessageSource messages) {
        this.messages = messages;
    }

    public @Nullable String say(@Nullable RoutedBecause because, @Nullable String inEnglish, Locale locale) {
        return switch (because) {
            case null -> inEnglish;
            case RoutedBecause.InEnglishOnly text -> text.inEnglish();
            case RoutedBecause.ToTriage triage ->
                triage.unowned().isEmpty()
                        ? message(
                                "routing.triage.noRule",
                                locale,
                                categoryLabel(triage.category(), locale),
                                triage.ownerName())
                        : message(
                                "routing.triage.unowned",
                                locale,
                                triage.unowned().stream()
                                        .map(rule -> message(
                                                "routing.unowned",
                                                locale,
                                                rule.ruleId(),
                                                String.join(", ", rule.candidates())))
                                        .collect(Collectors.joining("; ")),
                                triage.ownerName());
            case RoutedBecause.ToOwner owner ->
                message("routing.owner", locale, matched(owner.matched(), locale), owner.ruleId(), owner.ownerName());
            case RoutedBecause.ToTeamMember member ->
                message(
                        "routing.team",
                        locale,
                        matched(member.matched(), locale),
                        member.ruleId(),
                        message("routing.strategy." + member.teamStrategy().name(), locale),
                        member.ownerName());
        };
    }

    private String matched(List<RoutedBecause.Match> matched, Locale locale) {
        return matched.stream()
                .map(match -> message(
                        "routing.match." + match.on(),
                        locale,
                        match.on() == Criterion.CATEGORY ? categoryLabel(match.value(), locale) : match.value()))
                .collect(Collectors.joining(", "));
    }

    /** The category's name as the pages show it, or its id when it has none. */
    private String categoryLabel(String category, Locale locale) {
        return Objects.requireNonNullElse(
                messages.getMessage("category." + category, null, category, locale), category);
    }

    /** Rule ids, names and keywords in Latin letters keep their own direction in a Hebrew sentence. */
    private String message(String code, Locale locale, Object... arguments) {
        return messages.getMessage(code, BidiIsolates.arguments(locale, arguments), locale);
    }
}
