package org.suggestionbox.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.suggestionbox.platform.security.DirectoryUser;
import org.suggestionbox.platform.security.PlatformSecurityAutoConfiguration;

/**
 * The page language: the one a person picked with the switcher (a cookie), else their directory
 * locale, else the browser's. The signed-out page, where nobody is signed in any more, speaks the
 * language the person signed out in, which the provider hands back as the logout's {@code state}
 * ({@code LanguageAtSignOut}). Only English, Hebrew and Polish are offered. A cookie that names no
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
        return signedOutIn(request).orElseGet(() -> supported(request.getLocale()));
    }

    private static Optional<Locale> signedOutIn(HttpServletRequest request) {
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        boolean signedOutPage = request.getRequestURI()
                .equals(request.getContextPath() + PlatformSecurityAutoConfiguration.SIGNED_OUT_PAGE);
        return state != null && signedOutPage ? offered(state) : Optional.empty();
    }

    static Locale supported(Locale requested) {
        return offered(requested.getLanguage()).orElse(Locale.ENGLISH);
    }

    private static Optional<Locale> offered(String language) {
        return SUPPORTED.stream()
                .filter(locale -> locale.getLanguage().equals(language))
                .findFirst();
    }

    public static boolean isRightToLeft(Locale locale) {
        return "he".equals(locale.getLanguage()) || "iw".equals(locale.getLanguage());
    }

    /** The language's direction as HTML's {@code dir} attribute takes it: {@code rtl} or {@code ltr}. */
    public static String direction(Locale locale) {
        return isRightToLeft(locale) ? "rtl" : "ltr";
    }
}
