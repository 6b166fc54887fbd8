package org.suggestionbox.router.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.suggestionbox.router.MessageBundles;

/**
 * What someone typed or named (a next step, a search, a team) keeps its own direction inside a line of the page's
 * language: its message isolates it (U+2068 … U+2069) in every language, so a Hebrew line keeps an English step's
 * full stop, or a search's question mark, at its end.
 */
class IsolatedTextsTests {

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

    @ParameterizedTest
    @CsvSource({
        "merge.found, he", "merge.found, en", "merge.found, pl",
        "track.owner, he", "track.owner, en", "track.owner, pl"
    })
    void aSearchAndATeamAreIsolatedToo(String key, String language) {
        assertThat(messages.getMessage(key, new Object[] {"call-back?"}, Locale.forLanguageTag(language)))
                .contains("\u2068call-back?\u2069");
    }
}
