package org.suggestionbox.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

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
    void aLanguageCookieThatNamesNoLocaleIsPassedOverForTheBrowsersLanguage() {
        DirectoryLocaleResolver resolver = new DirectoryLocaleResolver();
        for (String value : List.of("x.y", "he%00", "-/-")) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/queue");
            request.setCookies(new Cookie("SB_LANG", value));
            request.addPreferredLocale(Locale.forLanguageTag("pl-PL"));

            assertThat(resolver.resolveLocale(request)).as(value).isEqualTo(Locale.forLanguageTag("pl"));
        }
        MockHttpServletRequest badZone = new MockHttpServletRequest("GET", "/queue");
        badZone.setCookies(new Cookie("SB_LANG", "he/Nowhere"));
        assertThat(resolver.resolveLocaleContext(badZone).getLocale()).isEqualTo(Locale.forLanguageTag("he"));
    }

    @Test
    void aPickedLanguageStillWins() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/queue");
        request.setCookies(new Cookie("SB_LANG", "he"));
        request.addPreferredLocale(Locale.forLanguageTag("pl-PL"));

        assertThat(new DirectoryLocaleResolver().resolveLocale(request)).isEqualTo(Locale.forLanguageTag("he"));
    }

    @Test
    void theSignedOutPageSpeaksTheLanguageTheProviderHandsBackAndNoOtherPageDoes() {
        DirectoryLocaleResolver resolver = new DirectoryLocaleResolver();

        assertThat(resolver.resolveLocale(englishBrowser("/signed-out", "he"))).isEqualTo(Locale.forLanguageTag("he"));
        assertThat(resolver.resolveLocale(englishBrowser("/signed-out", "pl"))).isEqualTo(Locale.forLanguageTag("pl"));
        // a state that names no language offered, and any other page, speak the browser's
        assertThat(resolver.resolveLocale(englishBrowser("/signed-out", "de"))).isEqualTo(Locale.ENGLISH);
        assertThat(resolver.resolveLocale(englishBrowser("/signed-out", "he-IL")))
                .isEqualTo(Locale.ENGLISH);
        assertThat(resolver.resolveLocale(englishBrowser("/queue", "he"))).isEqualTo(Locale.ENGLISH);
        // a language picked on this browser since still wins
        MockHttpServletRequest picked = englishBrowser("/signed-out", "he");
        picked.setCookies(new Cookie("SB_LANG", "pl"));
        assertThat(resolver.resolveLocale(picked)).isEqualTo(Locale.forLanguageTag("pl"));
    }

    private static MockHttpServletRequest englishBrowser(String path, String state) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setParameter("state", state);
        request.addPreferredLocale(Locale.ENGLISH);
        return request;
    }

    @Test
    void hebrewIsRightToLeft() {
        assertThat(DirectoryLocaleResolver.isRightToLeft(Locale.forLanguageTag("he")))
                .isTrue();
        assertThat(DirectoryLocaleResolver.isRightToLeft(Locale.forLanguageTag("pl")))
                .isFalse();
    }
}
