package org.suggestionbox.signin.login;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security's form login checks what it posts to {@code /login}. */
@Controller
class LoginController {

    /** Under the local profile the page says who the demo people are; nowhere else. */
    private final boolean demo;

    LoginController(Environment environment) {
        this.demo = environment.matchesProfiles("local");
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

    /** The provider has no pages of its own but this one (a sign-out without a post-logout redirect ends here). */
    @GetMapping("/")
    String home() {
        return "redirect:/login";
    }
}
