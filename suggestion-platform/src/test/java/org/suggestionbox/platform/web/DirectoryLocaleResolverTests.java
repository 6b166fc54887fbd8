package org.suggestionbox.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class DirectoryLocaleResolverTests {

    @Test
    void onlyEnglishHebrewAndPolishAreOfferedAndOthersFallBackToEnglish() {
        assertThat(DirectoryLocaleResolver.supported(Locale.forLanguageTag("he-IL")))
                .isEqualTo(Locale.forLanguageTag("he"));
        assertThat(DirectoryLocaleResolver.supported(Locale.forLanguageTag("pl-PL")))
                .isEqualTo(Locale.forLanguageTag("pl"));
        assertThat(DirectoryLocaleResolver.supported(Locale.GERMAN)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void hebrewIsRightToLeft() {
        assertThat(DirectoryLocaleResolver.isRightToLeft(Locale.forLanguageTag("he")))
                .isTrue();
        assertThat(DirectoryLocaleResolver.isRightToLeft(Locale.forLanguageTag("pl")))
                .isFalse();
    }
}
