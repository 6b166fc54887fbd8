package org.suggestionbox.router.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The dashboard's decision times read right for every number of hours, in every page language. */
class DashboardHoursTextTests {

    private final ResourceBundleMessageSource messages = messages();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "he | dashboard.kpi.within   | 1   | עד 1 שע'",
                "he | dashboard.kpi.beyond   | 1   | יותר מ-1 שע'",
                "he | dashboard.hours.within | 1   | בתוך 1 שע'",
                "he | dashboard.kpi.within   | 168 | עד 168 שע'",
                "en | dashboard.kpi.within   | 1   | ≤ 1 h",
                "pl | dashboard.kpi.within   | 1   | ≤ 1 godz."
            })
    void hoursAreAbbreviatedSoThatOneHourReadsRight(String language, String key, long hours, String expected) {
        assertThat(messages.getMessage(key, new Object[] {hours}, Locale.forLanguageTag(language)))
                .isEqualTo(expected);
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
