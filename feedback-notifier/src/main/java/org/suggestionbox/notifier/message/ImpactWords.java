package org.suggestionbox.notifier.message;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Set;
import org.suggestionbox.events.Impact;
import org.suggestionbox.platform.i18n.PluralRules;

/**
 * An impact's benefit in words, as the rest of a sentence whose subject is the idea: "saves the team
 * about 40 hours a month", in the reader's language, the amount formatted the
 * way the language writes numbers ({@code 12,000}, {@code 12 000}) and the unit in the plural form
 * the amount needs ({@link PluralRules}; a fraction takes the {@code other} form).
 * <p>
 * The units with texts are {@link #UNITS} ({@code impact.unit.<unit>.<form>}); a unit an installation
 * added without texts reads as its id ({@code impact.unit.unknown}: "brings about 3 widgets").
 */
public final class ImpactWords {

    /** The benefit units the catalogue has words for. */
    static final Set<String> UNITS =
            Set.of("hours-saved-per-month", "money-per-year", "csat-points", "incidents-avoided");

    private final Texts texts;

    public ImpactWords(Texts texts) {
        this.texts = texts;
    }

    /** The benefit as a predicate of "the idea" / "your idea": e.g. {@code saves the team about 40 hours a month}. */
    public String benefit(Impact impact, Locale locale) {
        String amount = amount(impact.amount(), locale);
        if (!UNITS.contains(impact.unit())) {
            return texts.text("impact.unit.unknown", locale, amount, impact.unit());
        }
        return texts.text(
                "impact.unit." + impact.unit() + "."
                        + PluralRules.select(locale, impact.amount()).key(),
                locale,
                amount);
    }

    /** The amount as the language writes it, at most two decimals. */
    static String amount(BigDecimal amount, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(2);
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(amount);
    }
}
