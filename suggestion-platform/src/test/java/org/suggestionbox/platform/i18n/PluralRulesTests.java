package org.suggestionbox.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.suggestionbox.platform.i18n.PluralRules.Category;

/** CLDR plural categories of whole numbers and of amounts. */
class PluralRulesTests {

    private static final Locale POLISH = Locale.forLanguageTag("pl");
    private static final Locale HEBREW = Locale.forLanguageTag("he");

    @ParameterizedTest
    @CsvSource({
        "0, MANY",
        "1, ONE",
        "2, FEW",
        "3, FEW",
        "4, FEW",
        "5, MANY",
        "11, MANY",
        "12, MANY",
        "13, MANY",
        "14, MANY",
        "21, MANY",
        "22, FEW",
        "24, FEW",
        "25, MANY",
        "101, MANY",
        "102, FEW",
        "112, MANY",
        "1002, FEW"
    })
    void polishNeedsOneFewAndMany(long count, Category expected) {
        assertThat(PluralRules.select(POLISH, count)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0, OTHER", "1, ONE", "2, TWO", "3, OTHER", "10, OTHER", "20, OTHER", "102, OTHER"})
    void hebrewHasADualForm(long count, Category expected) {
        assertThat(PluralRules.select(HEBREW, count)).isEqualTo(expected);
        assertThat(PluralRules.select(Locale.forLanguageTag("iw"), count)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0, OTHER", "1, ONE", "2, OTHER", "21, OTHER"})
    void englishAndUnknownLanguagesHaveOneAndOther(long count, Category expected) {
        assertThat(PluralRules.select(Locale.ENGLISH, count)).isEqualTo(expected);
        assertThat(PluralRules.select(Locale.GERMAN, count)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"pl, 1, ONE", "pl, 22.00, FEW", "pl, 40, MANY", "pl, 1.5, OTHER", "he, 2.0, TWO", "en, 12.5, OTHER"})
    void anAmountTakesTheCategoryOfItsWholeNumberAndAFractionTakesOther(
            String language, BigDecimal amount, Category expected) {
        assertThat(PluralRules.select(Locale.forLanguageTag(language), amount)).isEqualTo(expected);
    }
}
