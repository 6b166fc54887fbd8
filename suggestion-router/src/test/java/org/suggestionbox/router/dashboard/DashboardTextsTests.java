package org.suggestionbox.router.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.suggestionbox.router.MessageBundles;

/** The dashboard's decision times and benefit counts read right for every number, in every page language. */
class DashboardTextsTests {

    private final ResourceBundleMessageSource messages = MessageBundles.messages();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "he | dashboard.kpi.within   | 1   | עד 1 שע'",
                "he | dashboard.kpi.beyond   | 1   | יותר מ-\u20601 שע'",
                "he | dashboard.hours.within | 1   | בתוך 1 שע'",
                "he | dashboard.kpi.within   | 168 | עד 168 שע'",
                "en | dashboard.kpi.within   | 1   | ≤ 1 h",
                "pl | dashboard.kpi.within   | 1   | ≤ 1 godz."
            })
    void hoursAreAbbreviatedSoThatOneHourReadsRight(String language, String key, long hours, String expected) {
        assertThat(messages.getMessage(key, new Object[] {hours}, Locale.forLanguageTag(language)))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "he | 0  | 0 (אין רעיונות)",
                "he | 1  | 40 (רעיון אחד)",
                "he | 2  | 40 (שני רעיונות)",
                "he | 5  | 40 (5 רעיונות)",
                "en | 1  | 40 (1 idea)",
                "en | 5  | 40 (5 ideas)",
                "pl | 5  | 40 (pomysły: 5)"
            })
    void aBenefitSaysHowManyIdeasItCameFrom(String language, long ideas, String expected) {
        BigDecimal amount = ideas == 0 ? BigDecimal.ZERO : new BigDecimal("40");
        assertThat(messages.getMessage(
                        "dashboard.benefit.cell", new Object[] {amount, ideas}, Locale.forLanguageTag(language)))
                .isEqualTo(expected);
    }
}
