package org.suggestionbox.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.platform.security.DirectoryUser;

/**
 * What the shared layout needs on every page: links between the services, the text direction and language (and the
 * page's query, for the language switch), which service is rendering, which role-bound menu entries the person may
 * use, and which entry is the page being answered.
 * <p>
 * For the {@link PageController}s only. Spring MVC decides per request which advice applies and invokes its model
 * methods by reflection; for the intake's API, which renders no page, that was 6.3 % of intake's CPU samples at
 * 200 ideas/s (JFR) when this advice applied to every {@code @Controller}, {@code @RestController}s included.
 */
@ControllerAdvice(assignableTypes = PageController.class)
public class LayoutModelAdvice {

    private final PlatformLinks links;
    private final String application;

    public LayoutModelAdvice(
            PlatformLinks links, @Value("${spring.application.name:suggestion-box}") String application) {
        this.links = links;
        this.application = application;
    }

    /**
     * Every request to a page gets these: one model method, not one per attribute, each of which Spring MVC resolves
     * and invokes by reflection (six of them were 4.5 % of intake's CPU samples at 200 ideas/s, JFR).
     */
    @ModelAttribute
    public void layout(Model model) {
        addLayoutTo(model);
    }

    /**
     * Puts what the layout needs into {@code model}: links between the services, which service renders, the person
     * signed in and their menu with the entry of the page being answered, the language, the text direction and the
     * page's query. Also for an exception handler, whose model this advice does not fill.
     */
    public void addLayoutTo(Model model) {
        Person person = currentPerson();
        HttpServletRequest request = currentRequest();
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("links", links);
        model.addAttribute("application", application);
        model.addAttribute("currentPerson", person);
        model.addAttribute("menu", Menu.of(person));
        model.addAttribute("currentEntry", Menu.entryAt(application, currentPath(request)));
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("dir", DirectoryLocaleResolver.direction(locale));
        model.addAttribute("pageQuery", pageQuery(request));
    }

    /**
     * The query of the page being answered, but its language: what the language switch sends again, so a filtered
     * queue or a list's later page stays as it is in the other language. Only a page asked for with GET has one; a
     * form's fields are no query of a page.
     */
    private static List<Map.Entry<String, String>> pageQuery(@Nullable HttpServletRequest request) {
        if (request == null || !HttpMethod.GET.matches(request.getMethod())) {
            return List.of();
        }
        List<Map.Entry<String, String>> query = new ArrayList<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!PlatformWebAutoConfiguration.LANGUAGE_PARAMETER.equals(name)) {
                for (String value : values) {
                    query.add(Map.entry(name, value));
                }
            }
        });
        return query;
    }

    /** The path of the request being answered, without the context path; empty outside a request. */
    private static String currentPath(@Nullable HttpServletRequest request) {
        return request == null
                ? ""
                : request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The request being answered; none outside a request. */
    private static @Nullable HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }

    private static @Nullable Person currentPerson() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof DirectoryUser user
                ? user.person()
                : null;
    }
}
