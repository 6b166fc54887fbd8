package org.suggestionbox.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.web.servlet.ModelAndView;
import org.suggestionbox.platform.security.PageAccessDenied;

/** The page of a refusal: what it names, and what it hands back when a form outlived its sign-in. */
class PageErrorViewsTests {

    private final PageErrorViews views = new PageErrorViews(
            new LayoutModelAdvice(
                    new PlatformLinks("http://intake.test", "http://router.test", "http://notifier.test"),
                    "error-tests"),
            new DefaultErrorAttributes());

    @Test
    void aFormSentAfterItsSignInEndedHandsBackItsWordsButNoCodesHiddenFieldsOrPasswords() throws Exception {
        MockHttpServletRequest form = refused(new MissingCsrfTokenException(null), "http://localhost/ideas/42?lang=he");
        form.addParameter("explanation", "  Written over a long meeting.  ");
        form.addParameter("outcome", "DECLINE");
        form.addParameter("expectedBy", "2027-01-05");
        form.addParameter("_csrf", "stale token with spaces");
        form.addParameter("password", "correct horse battery staple");

        ModelAndView page = views.resolveErrorView(form, HttpStatus.FORBIDDEN, Map.of());

        assertThat(page.getModel())
                .containsEntry("errorTitle", "platform.error.signInEnded.title")
                .containsEntry("written", List.of("Written over a long meeting."))
                .containsEntry("again", "/ideas/42?lang=he");
    }

    @Test
    void theWayBackIsAPathOfThisServiceOrNone() throws Exception {
        ModelAndView elsewhere = views.resolveErrorView(
                refused(new MissingCsrfTokenException(null), "https://evil.example/ideas/42"),
                HttpStatus.FORBIDDEN,
                Map.of());
        ModelAndView unsaid = views.resolveErrorView(
                refused(new MissingCsrfTokenException(null), null), HttpStatus.FORBIDDEN, Map.of());

        assertThat(elsewhere.getModel().get("again")).isNull();
        assertThat(unsaid.getModel().get("again")).isNull();
    }

    @Test
    void aRoleThatDoesNotOpenThePageIsStillSaidSo() throws Exception {
        MockHttpServletRequest request = refused(new AccessDeniedException("role"), "http://localhost/dashboard");
        request.addParameter("note", "words that are not handed back");

        ModelAndView page = views.resolveErrorView(request, HttpStatus.FORBIDDEN, Map.of());

        assertThat(page.getModel())
                .containsEntry("errorTitle", "platform.error.forbidden.title")
                .doesNotContainKeys("written", "again");
    }

    /** A POST refused by the page chain's handler, as Spring Security refuses it, seen from the error page. */
    private static MockHttpServletRequest refused(AccessDeniedException denied, @Nullable String referer)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/ideas/42/decision");
        if (referer != null) {
            request.addHeader("Referer", referer);
        }
        new PageAccessDenied().handle(request, new MockHttpServletResponse(), denied);
        return request;
    }
}
