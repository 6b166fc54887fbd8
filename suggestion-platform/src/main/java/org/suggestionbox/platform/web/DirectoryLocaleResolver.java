package org.suggestionbox.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.suggestionbox.platform.security.DirectoryUser;

/**
 * The page language: the one a person picked with the switcher (a cookie), else their directory
 * locale, else the browser's. Only English, Hebrew and Polish are offered. A cookie that names no
 * locale ({@code SB_LANG=x.y}, set by hand or by a sibling site) is passed over, not answered with a
 * 500 on every page and API call until it is cleared.
 */
public class DirectoryLocaleResolver extends CookieLocaleResolver {

    public static final List<Locale> SUPPORTED =
            List.of(Locale.ENGLISH, Locale.forLanguageTag("he"), Locale.forLanguageTag("pl"));

    public DirectoryLocaleResolver() {
        super("SB_LANG");
        setRejectInvalidCookies(false);
        setDefaultLocaleFunction(DirectoryLocaleResolver::fromDirectoryOrBrowser);
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        super.setLocale(request, response, locale == null ? null : supported(locale));
    }

    private static Locale fromDirectoryOrBrowser(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof DirectoryUser user) {
            return supported(user.person().preferredLocale());
        }
        return supported(request.getLocale());
    }

    static Locale supported(Locale requested) {
        return SUPPORTED.stream()
                .filter(locale -> locale.getLanguage().equals(requested.getLanguage()))
                .findFirst()
                .orElse(Locale.ENGLISH);
    }

    public static boolean isRightToLeft(Locale locale) {
        return "he".equals(locale.getLanguage()) || "iw".equals(locale.getLanguage());
    }

    /** The language's direction as HTML's {@code dir} attribute takes it: {@code rtl} or {@code ltr}. */
    public static String direction(Locale locale) {
        return isRightToLeft(locale) ? "rtl" : "ltr";
    }
}
