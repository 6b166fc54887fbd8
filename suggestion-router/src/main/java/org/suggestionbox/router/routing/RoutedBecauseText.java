package org.suggestionbox.router.routing;

import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
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
        if (because == null) {
            return inEnglish;
        }
        if (because.triage()) {
            String category = because.matched().isEmpty() ? "" : because.matched().getFirst().value();
            return because.unowned().isEmpty()
                    ? message("routing.triage.noRule", locale, categoryLabel(category, locale), because.ownerName())
                    : message("routing.triage.unowned", locale, because.unowned().stream()
                            .map(rule -> message("routing.unowned", locale, rule.ruleId(),
                                    String.join(", ", rule.candidates())))
                            .collect(Collectors.joining("; ")), because.ownerName());
        }
        String matched = because.matched().stream()
                .map(match -> message("routing.match." + match.on(), locale,
                        match.on() == Criterion.CATEGORY ? categoryLabel(match.value(), locale) : match.value()))
                .collect(Collectors.joining(", "));
        return because.teamStrategy() == null
                ? message("routing.owner", locale, matched, because.ruleId(), because.ownerName())
                : message("routing.team", locale, matched, because.ruleId(),
                        message("routing.strategy." + because.teamStrategy(), locale), because.ownerName());
    }

    /** The category's name as the pages show it, or its id when it has none. */
    private String categoryLabel(String category, Locale locale) {
        return messages.getMessage("category." + category, null, category, locale);
    }

    private String message(String code, Locale locale, Object... arguments) {
        return messages.getMessage(code, arguments, locale);
    }
}
