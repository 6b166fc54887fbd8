package org.suggestionbox.router.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.suggestionbox.router.MessageBundles;

/** The next step an owner typed keeps its own direction inside a line of the page's language. */
class NextStepTextTests {

    private final ResourceBundleMessageSource messages = MessageBundles.messages();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "he | wall.nextStep  | הצעד הבא: ",
                "he | track.nextStep | הצעד הבא: ",
                "en | wall.nextStep  | Next step: ",
                "pl | track.nextStep | Następny krok: "
            })
    void theStepIsIsolatedFromTheLineAroundIt(String language, String key, String label) {
        assertThat(messages.getMessage(
                        key, new Object[] {"Try it with one team first."}, Locale.forLanguageTag(language)))
                .isEqualTo(label + " \u2068Try it with one team first.\u2069");
    }
}
