package org.suggestionbox.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Sends a person to the sign-in provider with the language of the page they came from, as OpenID Connect's
 * {@code ui_locales} (Core 1.0, section 3.1.2.1): the {@code ui_locales} the sign-in was started with (the signed-out
 * page's link, which must not pick a language for whoever signs in next), else the {@code lang} of the page they asked
 * for ({@code /queue?lang=he}), else the language the service's {@link LocaleResolver} gives (the switcher's cookie,
 * else the browser's). The provider's sign-in page then speaks it, whatever the provider's own address has seen before.
 */
final class UiLocalesAuthorizationRequests implements OAuth2AuthorizationRequestResolver {

    private static final String UI_LOCALES = "ui_locales";

    /** A language subtag alone ({@code he}): all a sign-in started with {@code ui_locales} may pass on. */
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    /** Where {@link HttpSessionRequestCache} keeps the page asked for before sign-in. */
    private static final String SAVED_REQUEST = "SPRING_SECURITY_SAVED_REQUEST";

    private final OAuth2AuthorizationRequestResolver requests;
    private final LocaleResolver locales;

    UiLocalesAuthorizationRequests(ClientRegistrationRepository registrations, LocaleResolver locales) {
        this.requests = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        this.locales = locales;
    }

    @Override
    public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        return withLanguage(requests.resolve(request), request);
    }

    @Override
    public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
        return withLanguage(requests.resolve(request, clientRegistrationId), request);
    }

    private @Nullable OAuth2AuthorizationRequest withLanguage(
            @Nullable OAuth2AuthorizationRequest authorization, HttpServletRequest request) {
        if (authorization == null) {
            return null;
        }
        String language = language(request);
        return OAuth2AuthorizationRequest.from(authorization)
                .additionalParameters(parameters -> parameters.put(UI_LOCALES, language))
                .build();
    }

    private String language(HttpServletRequest request) {
        String started = request.getParameter(UI_LOCALES);
        if (started != null && LANGUAGE.matcher(started).matches()) {
            // the provider speaks what it offers of it, as it does for any ui_locales
            return started;
        }
        HttpSession session = request.getSession(false);
        String[] lang = session != null && session.getAttribute(SAVED_REQUEST) instanceof SavedRequest asked
                ? asked.getParameterValues("lang")
                : null;
        if (lang != null && lang.length > 0) {
            Locale fromPage = Locale.forLanguageTag(lang[0]);
            if (!fromPage.getLanguage().isEmpty()) {
                return fromPage.getLanguage();
            }
        }
        return locales.resolveLocale(request).getLanguage();
    }
}
