package org.suggestionbox.signin.logout;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContext;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * Finishes an RP-initiated logout ({@code /connect/logout}) the way Spring Authorization Server does (end the
 * session, redirect to the post-logout redirect URI) and first starts the back-channel logout of the session named
 * by the {@code sid} of the ID token hint at every service. The ID token hint was checked by then: signed by this
 * provider, issued to the client, and (when the person still has a session here) of that session.
 */
public final class BackChannelLogoutSuccessHandler implements AuthenticationSuccessHandler {

    private static final Logger LOG = LoggerFactory.getLogger(BackChannelLogoutSuccessHandler.class);

    private final BackChannelLogout backChannelLogout;

    private final AuthenticationSuccessHandler delegate = new OidcLogoutAuthenticationSuccessHandler();

    BackChannelLogoutSuccessHandler(BackChannelLogout backChannelLogout) {
        this.backChannelLogout = backChannelLogout;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        if (authentication instanceof OidcLogoutAuthenticationToken logout) {
            startBackChannelLogout(logout);
        }
        delegate.onAuthenticationSuccess(request, response, authentication);
    }

    private void startBackChannelLogout(OidcLogoutAuthenticationToken logout) {
        OidcIdToken idToken = logout.getIdToken();
        AuthorizationServerContext context = AuthorizationServerContextHolder.getContext();
        if (idToken == null || context == null) {
            return;
        }
        String sid = idToken.getClaimAsString("sid");
        String subject = idToken.getSubject();
        if (sid == null || subject == null) {
            LOG.info("The ID token hint of a logout has no sid or no subject: no back-channel logout");
            return;
        }
        try {
            backChannelLogout.sessionEnded(context.getIssuer(), subject, sid);
        } catch (RuntimeException ex) {
            // the person still gets signed out here and redirected; the services' sessions end on their own
            LOG.warn("Back-channel logout could not be started", ex);
        }
    }
}
