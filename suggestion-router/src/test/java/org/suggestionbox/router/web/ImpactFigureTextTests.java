package org.suggestionbox.router.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.suggestionbox.platform.i18n.PluralRules;
import org.suggestionbox.router.MessageBundles;

/** An implemented idea's benefit on the pages, in the form its amount needs in each page language. */
class ImpactFigureTextTests {

    /** The units the router offers unless an installation configures others ({@code ImpactProperties}). */
    private static final List<String> UNITS =
            List.of("hours-saved-per-month", "money-per-year", "csat-points", "incidents-avoided");

    private final ImpactFigureText text = new ImpactFigureText(MessageBundles.messages());

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en | 1    | 1 hour saved a month",
                "en | 30   | 30 hours saved a month",
                "en | 12.5 | 12.5 hours saved a month",
                "pl | 1    | 1 zaoszczędzona godzina miesięcznie",
                "pl | 2    | 2 zaoszczędzone godziny miesięcznie",
                "pl | 12   | 12 zaoszczędzonych godzin miesięcznie",
                "pl | 22   | 22 zaoszczędzone godziny miesięcznie",
                "pl | 40   | 40 zaoszczędzonych godzin miesięcznie",
                "pl | 1.5  | 1,5 zaoszczędzonej godziny miesięcznie",
                "he | 1    | 1 שעה שנחסכה בחודש",
                "he | 40   | 40 שעות שנחסכו בחודש"
            })
    void hoursSavedTakeTheFormTheirAmountNeeds(String language, BigDecimal amount, String expected) {
        assertThat(text.say(amount, "hours-saved-per-month", Locale.forLanguageTag(language)))
                .isEqualTo(expected);
    }

    @Test
    void largeAmountsAreWrittenAsTheLanguageGroupsDigits() {
        assertThat(text.say(new BigDecimal("12000"), "money-per-year", Locale.ENGLISH))
                .isEqualTo("12,000 saved a year");
        assertThat(text.say(new BigDecimal("12000"), "money-per-year", Locale.forLanguageTag("pl")))
                .isEqualTo("12\u00a0000 oszczędności rocznie");
    }

    @Test
    void aUnitWithoutItsOwnFormsReadsAsItsLabelAfterTheAmount() {
        assertThat(text.say(new BigDecimal("3"), "widgets", Locale.ENGLISH)).isEqualTo("3 widgets");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "he", "pl"})
    void everyLanguageHasEveryFormOfEveryUnit(String language) throws IOException {
        Properties bundle = bundle(language);
        for (String unit : UNITS) {
            for (PluralRules.Category category : PluralRules.categories(Locale.forLanguageTag(language))) {
                assertThat(bundle.getProperty("impact.figure." + unit + "." + category.key()))
                        .as("impact.figure.%s.%s in %s", unit, category.key(), language)
                        .isNotBlank();
            }
        }
    }

    private static Properties bundle(String language) throws IOException {
        Properties bundle = new Properties();
        try (InputStream in =
                ImpactFigureTextTests.class.getResourceAsStream("/i18n/messages_" + language + ".properties")) {
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return bundle;
    }
}
