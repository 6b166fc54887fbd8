package org.suggestionbox.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
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
 * {@code ui_locales} (Core 1.0, section 3.1.2.1): the {@code lang} of the page they asked for
 * ({@code /queue?lang=he}), else the language the service's {@link LocaleResolver} gives (the switcher's cookie, else
 * the browser's). The provider's sign-in page then speaks it, whatever the provider's own address has seen before.
 */
final class UiLocalesAuthorizationRequests implements OAuth2AuthorizationRequestResolver {

    private static final String UI_LOCALES = "ui_locales";

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
