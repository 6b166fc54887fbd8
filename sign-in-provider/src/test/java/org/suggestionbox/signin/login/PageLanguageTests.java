package org.suggestionbox.signin.login;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.LocaleResolver;

class PageLanguageTests {

    private final LocaleResolver resolver = new PageLanguage().localeResolver();

    @Test
    void aLanguageCookieThatNamesNoLocaleIsPassedOverForTheBrowsersLanguage() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login");
        request.setCookies(new Cookie("SB_SIGNIN_LANG", "x.y"));
        request.addPreferredLocale(Locale.forLanguageTag("he-IL"));

        assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.forLanguageTag("he"));
    }

    @Test
    void aPickedLanguageStillWins() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login");
        request.setCookies(new Cookie("SB_SIGNIN_LANG", "pl"));
        request.addPreferredLocale(Locale.forLanguageTag("he-IL"));

        assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.forLanguageTag("pl"));
    }
}
