package org.suggestionbox.signin.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The sign-in page's language: the one picked on the page ({@code ?lang=}, kept in a cookie of the provider's own),
 * else the one the service that sent the person here asked for ({@code ui_locales} of the authorization request
 * waiting for the sign-in), else the browser's; English, Hebrew or Polish.
 */
@Configuration(proxyBeanMethods = false)
class PageLanguage implements WebMvcConfigurer {

    /** Where {@link HttpSessionRequestCache} keeps the authorization request waiting for the sign-in. */
    private static final String SAVED_REQUEST = "SPRING_SECURITY_SAVED_REQUEST";

    static final List<Locale> SUPPORTED =
            List.of(Locale.ENGLISH, Locale.forLanguageTag("he"), Locale.forLanguageTag("pl"));

    @Bean(name = "localeResolver")
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("SB_SIGNIN_LANG") {
            @Override
            public void setLocale(
                    HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
                super.setLocale(
                        request,
                        response,
                        locale == null ? null : supported(locale).orElse(Locale.ENGLISH));
            }
        };
        // a cookie that names no locale is passed over, not a 500 on every page until it is cleared
        resolver.setRejectInvalidCookies(false);
        resolver.setDefaultLocaleFunction(PageLanguage::askedFor);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }

    /** The service's {@code ui_locales} (its first language we speak), else the browser's first we speak. */
    static Locale askedFor(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String[] uiLocales = session != null && session.getAttribute(SAVED_REQUEST) instanceof SavedRequest waiting
                ? waiting.getParameterValues("ui_locales")
                : null;
        Stream<Locale> fromService = uiLocales == null || uiLocales.length == 0
                ? Stream.empty()
                : Stream.of(uiLocales[0].trim().split("\\s+")).map(Locale::forLanguageTag);
        Stream<Locale> fromBrowser = Collections.list(request.getLocales()).stream();
        return Stream.concat(fromService, fromBrowser)
                .map(PageLanguage::supported)
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(Locale.ENGLISH);
    }

    private static Optional<Locale> supported(Locale requested) {
        return SUPPORTED.stream()
                .filter(locale -> locale.getLanguage().equals(requested.getLanguage()))
                .findFirst();
    }
}
