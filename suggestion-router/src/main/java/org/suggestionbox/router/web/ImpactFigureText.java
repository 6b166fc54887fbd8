package org.suggestionbox.router.web;

import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.suggestionbox.platform.i18n.PluralRules;

/**
 * An implemented idea's benefit as the pages show it, the unit in the form its amount needs in the reader's
 * language: "1 hour saved a month", "40 zaoszczędzonych godzin miesięcznie", "2 שעות שנחסכו בחודש"
 * ({@code impact.figure.<unit>.<category>}, {@link PluralRules}):
 * {@code ${@impactFigureText.say(item.impact.amount, item.impact.unit, #locale)}}. A unit an installation added
 * without such texts reads as its label after the amount ({@code impact.figure}).
 */
@Component
public class ImpactFigureText {

    private final MessageSource messages;

    ImpactFigureText(MessageSource messages) {
        this.messages = messages;
    }

    public String say(BigDecimal amount, String unit, Locale locale) {
        String figure = messages.getMessage(
                "impact.figure." + unit + "."
                        + PluralRules.select(locale, amount).key(),
                new Object[] {amount},
                "",
                locale);
        if (figure != null && !figure.isEmpty()) {
            return figure;
        }
        String label = messages.getMessage("impact.unit." + unit, null, unit, locale);
        return messages.getMessage("impact.figure", new Object[] {amount, label}, locale);
    }
}
