package org.suggestionbox.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.suggestionbox.testing.MessageBundleFiles;

/** Every language has every text of the base bundle, and none the base bundle has not. */
class MessageBundlesCompleteTests {

    @ParameterizedTest
    @ValueSource(strings = {"he", "pl"})
    void everyLanguageHasEveryTextAndNoneOfItsOwn(String language) {
        assertThat(MessageBundleFiles.missing("i18n/messages", language))
                .as(language)
                .isEmpty();
        assertThat(MessageBundleFiles.unexpected("i18n/messages", language))
                .as(language)
                .isEmpty();
    }
}
