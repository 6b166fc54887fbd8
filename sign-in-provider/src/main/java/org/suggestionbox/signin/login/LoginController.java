package org.suggestionbox.signin.login;

import java.net.URI;
import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.suggestionbox.signin.SignInProperties;

/** The sign-in page; Spring Security's form login checks what it posts to {@code /login}. */
@Controller
class LoginController {

    /** The service whose {@code /} sends each person to their own start page, by role. */
    static final String START_SERVICE = "suggestion-router";

    /** Under the local profile the page says who the demo people are; nowhere else. */
    private final boolean demo;

    /** Where someone who signed in here, not sent by a service, goes next; none when the router is not a client. */
    private final @Nullable URI start;

    LoginController(Environment environment, SignInProperties properties) {
        this.demo = environment.matchesProfiles("local");
        SignInProperties.Service router = properties.services().get(START_SERVICE);
        this.start = router == null || router.baseUrls().isEmpty()
                ? null
                : router.baseUrls().getFirst().resolve("/");
    }

    @GetMapping("/login")
    String login(
            @RequestParam(name = "error", required = false) @Nullable String error,
            @RequestParam(name = "logout", required = false) @Nullable String logout,
            Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("signedOut", logout != null);
        model.addAttribute("demo", this.demo);
        return "login";
    }

    /**
     * The provider has no pages of its own but the sign-in page. Someone who opened the provider itself and signed in
     * (no service sent them, so the sign-in had no page to go back to) goes on to the product's start, where the
     * router sends them to their page and signs them in without a prompt; anyone else — a sign-out without a
     * post-logout redirect ends here too — gets the sign-in page.
     */
    @GetMapping("/")
    String home(@Nullable Principal signedIn) {
        return signedIn != null && start != null ? "redirect:" + start : "redirect:/login";
    }
}
