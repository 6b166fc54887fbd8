package org.suggestionbox.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A sign-out in the language the person read in, and a browser that forgets it afterwards.
 *
 * <p>As a {@link LogoutHandler}, which runs while the person is still known, it notes the page's language (the one
 * picked with the switcher, else theirs from the directory) and removes the switcher's cookie: the next person who
 * signs in on this browser, at a shared desk, reads their own language. As the success handler it ends the
 * provider's session (RP-initiated logout) and hands the language to the provider as the logout's {@code state},
 * which the provider gives back with the way home (RP-Initiated Logout 1.0, section 2), so the signed-out page
 * speaks it ({@link org.suggestionbox.platform.web.DirectoryLocaleResolver}), whatever the browser's language. A
 * service without a {@link LocaleResolver} signs out to the same page, in the browser's language.
 */
final class LanguageAtSignOut extends OidcClientInitiatedLogoutSuccessHandler implements LogoutHandler {

    private static final String LANGUAGE = LanguageAtSignOut.class.getName() + ".LANGUAGE";

    private final @Nullable LocaleResolver locales;

    LanguageAtSignOut(ClientRegistrationRepository registrations, @Nullable LocaleResolver locales) {
        super(registrations);
        this.locales = locales;
        setPostLogoutRedirectUri("{baseUrl}" + PlatformSecurityAutoConfiguration.SIGNED_OUT_PAGE);
    }

    @Override
    public void logout(
            HttpServletRequest request, HttpServletResponse response, @Nullable Authentication authentication) {
        if (locales == null) {
            return;
        }
        request.setAttribute(LANGUAGE, locales.resolveLocale(request).getLanguage());
        locales.setLocale(request, response, null);
    }

    @Override
    protected String determineTargetUrl(
            HttpServletRequest request, HttpServletResponse response, @Nullable Authentication authentication) {
        String target = super.determineTargetUrl(request, response, authentication);
        if (!(request.getAttribute(LANGUAGE) instanceof String language) || target.equals(getDefaultTargetUrl())) {
            // no language noted, or not signed in with the provider: there is no logout to send it with
            return target;
        }
        return UriComponentsBuilder.fromUriString(target)
                .queryParam(OAuth2ParameterNames.STATE, language)
                .build(true)
                .toUriString();
    }
}
