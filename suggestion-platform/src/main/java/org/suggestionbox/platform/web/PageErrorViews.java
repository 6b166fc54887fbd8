package org.suggestionbox.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page a browser gets when no page of ours answers — an address that does not exist (404), a page the person's
 * role does not open (403), a request no page can take (other 4xx), a failure (5xx) — in the shared layout and the
 * person's language, with a way back, instead of Spring's "Whitelabel Error Page". It shows what the status means and
 * nothing of the error itself (no exception, message or path). Clients that do not ask for HTML, the APIs', still
 * get problem details. A page that refuses for a reason it can name shows the same page with that reason
 * ({@link #explain}).
 */
public final class PageErrorViews implements ErrorViewResolver {

    private final LayoutModelAdvice layout;

    PageErrorViews(LayoutModelAdvice layout) {
        this.layout = layout;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        ExtendedModelMap page = new ExtendedModelMap();
        layout.addLayoutTo(page);
        String kind = kind(status);
        page.addAttribute("errorTitle", "platform.error." + kind + ".title");
        page.addAttribute("errorText", "platform.error." + kind + ".text");
        return new ModelAndView("error", page, status);
    }

    /**
     * The view for a refusal a controller can explain: the heading of {@code status}'s page, and {@code reasonKey} (a
     * message key) instead of the status's general text. Fills the layout's model too, which an exception handler's
     * model lacks; the caller sets the status.
     */
    public String explain(Model model, HttpStatus status, String reasonKey) {
        layout.addLayoutTo(model);
        model.addAttribute("errorTitle", "platform.error." + kind(status) + ".title");
        model.addAttribute("errorText", reasonKey);
        return "error";
    }

    private static String kind(HttpStatus status) {
        if (status == HttpStatus.NOT_FOUND) {
            return "notFound";
        }
        if (status == HttpStatus.FORBIDDEN) {
            return "forbidden";
        }
        return status.is5xxServerError() ? "failed" : "refused";
    }
}
