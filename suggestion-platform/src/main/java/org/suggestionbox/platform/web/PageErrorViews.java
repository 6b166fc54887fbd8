package org.suggestionbox.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.suggestionbox.platform.security.PageAccessDenied;

/**
 * The page a browser gets when no page of ours answers — an address that does not exist (404, also when the id in it
 * is no id), a page the person's role does not open (403), a request no page can take (other 4xx), a failure (5xx) —
 * in the shared layout and the person's language, with a way back, instead of Spring's "Whitelabel Error Page". It
 * shows what the status means and nothing of the error itself (no exception, message or path). Clients that do not
 * ask for HTML, the APIs', still get problem details ({@link ProblemErrorController}). A page that refuses for a
 * reason it can name shows the same page with that reason ({@link #explain}). A form sent after the person's sign-in
 * ended ({@link PageAccessDenied}) says so, links back to the page it came from and hands back what they had written.
 */
public final class PageErrorViews implements ErrorViewResolver {

    /** Fields never shown again, whatever they hold: a password typed into a sign-in form that came too late. */
    private static final Pattern SECRET_FIELD = Pattern.compile("(?i)password|secret|token");

    private final LayoutModelAdvice layout;

    private final ErrorAttributes errors;

    PageErrorViews(LayoutModelAdvice layout, ErrorAttributes errors) {
        this.layout = layout;
        this.errors = errors;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        ExtendedModelMap page = new ExtendedModelMap();
        layout.addLayoutTo(page);
        HttpStatus shown = status == HttpStatus.BAD_REQUEST && namesNothing(request) ? HttpStatus.NOT_FOUND : status;
        boolean signInEnded = PageAccessDenied.signInEnded(request);
        String kind = signInEnded ? "signInEnded" : kind(shown);
        page.addAttribute("errorTitle", "platform.error." + kind + ".title");
        page.addAttribute("errorText", "platform.error." + kind + ".text");
        if (signInEnded) {
            page.addAttribute("written", written(request));
            page.addAttribute("again", pageSentFrom(request));
        }
        return new ModelAndView("error", page, shown);
    }

    /**
     * Whether the address's own id is no id at all ({@code /ideas/4f1c…} cut short when copied out of a mail): for the
     * person, a page that is not there, as an unknown id is, rather than a request the page cannot take.
     */
    private boolean namesNothing(HttpServletRequest request) {
        return errors.getError(new ServletWebRequest(request)) instanceof MethodArgumentTypeMismatchException mismatch
                && mismatch.getParameter().hasParameterAnnotation(PathVariable.class);
    }

    /**
     * What the person had typed into the form that was refused — the fields with words in them, not its codes, ids,
     * dates or hidden fields — so they can copy it into the page once they are signed in again.
     */
    private static List<String> written(HttpServletRequest request) {
        return request.getParameterMap().entrySet().stream()
                .filter(field -> !field.getKey().startsWith("_")
                        && !SECRET_FIELD.matcher(field.getKey()).find())
                .flatMap(field -> Arrays.stream(field.getValue()))
                .map(String::strip)
                .filter(text -> text.chars().anyMatch(Character::isWhitespace))
                .toList();
    }

    /** The path of the page the form was on, if the browser said and it is one of this service's. */
    private static @Nullable String pageSentFrom(HttpServletRequest request) {
        String referer = request.getHeader(HttpHeaders.REFERER);
        if (referer == null) {
            return null;
        }
        try {
            URI from = new URI(referer);
            String path = from.getRawPath();
            // only a path is linked, never another host: at worst an address of this service that answers 404
            boolean here = request.getServerName().equalsIgnoreCase(from.getHost());
            if (!here || path == null || !path.startsWith("/") || path.startsWith("//")) {
                return null;
            }
            return from.getRawQuery() == null ? path : path + "?" + from.getRawQuery();
        } catch (URISyntaxException ex) {
            return null;
        }
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
