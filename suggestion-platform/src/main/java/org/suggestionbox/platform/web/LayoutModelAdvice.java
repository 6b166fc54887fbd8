package org.suggestionbox.platform.web;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.platform.security.DirectoryUser;

/**
 * What the shared layout needs on every page: links between the services, the text direction and
 * language, which service is rendering, and which role-bound menu entries the person may use.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
public class LayoutModelAdvice {

    private final PlatformLinks links;
    private final String application;

    public LayoutModelAdvice(
            PlatformLinks links, @Value("${spring.application.name:suggestion-box}") String application) {
        this.links = links;
        this.application = application;
    }

    @ModelAttribute("links")
    public PlatformLinks links() {
        return links;
    }

    @ModelAttribute("application")
    public String application() {
        return application;
    }

    @ModelAttribute("currentPerson")
    public @Nullable Person currentPerson() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof DirectoryUser user
                ? user.person()
                : null;
    }

    @ModelAttribute("menu")
    public Menu menu() {
        return Menu.of(currentPerson());
    }

    @ModelAttribute("lang")
    public String lang() {
        return LocaleContextHolder.getLocale().getLanguage();
    }

    @ModelAttribute("dir")
    public String dir() {
        Locale locale = LocaleContextHolder.getLocale();
        return DirectoryLocaleResolver.isRightToLeft(locale) ? "rtl" : "ltr";
    }

    /** Puts what the layout needs into {@code model}: for an exception handler, whose model this advice does not fill. */
    public void addLayoutTo(Model model) {
        model.addAttribute("links", links());
        model.addAttribute("application", application());
        model.addAttribute("currentPerson", currentPerson());
        model.addAttribute("menu", menu());
        model.addAttribute("lang", lang());
        model.addAttribute("dir", dir());
    }
}
