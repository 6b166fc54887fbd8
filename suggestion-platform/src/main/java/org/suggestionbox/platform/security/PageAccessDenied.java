package org.suggestionbox.platform.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A page's {@code 403}, as Spring Security sends it, marked when the reason is that a form came without the token
 * of the session it was shown in: the person's sign-in ended while the page was open (it ran out, they signed out
 * elsewhere, the service restarted). The error page then says so, and hands back what they had written, instead of
 * blaming their role.
 */
public final class PageAccessDenied implements AccessDeniedHandler {

    private static final String SIGN_IN_ENDED = PageAccessDenied.class.getName() + ".signInEnded";

    private final AccessDeniedHandler standard = new AccessDeniedHandlerImpl();

    /** Whether the request was refused because the sign-in it was sent under had ended. */
    public static boolean signInEnded(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(SIGN_IN_ENDED));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (denied instanceof CsrfException) {
            request.setAttribute(SIGN_IN_ENDED, Boolean.TRUE);
        }
        this.standard.handle(request, response, denied);
    }
}
