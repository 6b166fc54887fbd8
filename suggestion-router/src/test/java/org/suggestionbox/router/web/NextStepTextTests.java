package org.suggestionbox.router.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.suggestionbox.router.MessageBundles;

/**
 * The next step an owner typed keeps its own direction inside a line of the page's language, on the idea's page,
 * the wall and the tracking page alike.
 */
class NextStepTextTests {

    private final ResourceBundleMessageSource messages = MessageBundles.messages();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"he | הצעד הבא: ", "en | Next step: ", "pl | Następny krok: "})
    void theStepIsIsolatedFromTheLineAroundIt(String language, String label) {
        assertThat(messages.getMessage(
                        "decided.nextStep",
                        new Object[] {"Try it with one team first."},
                        Locale.forLanguageTag(language)))
                .isEqualTo(label + " \u2068Try it with one team first.\u2069");
    }
}
