package org.suggestionbox.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.suggestionbox.platform.security.PlatformSecurityProperties;

/**
 * The sign-in pages every service shares: the password form exists only under the {@code local}
 * profile without a provider; with the company's OpenID Connect provider {@code /login} sends the person
 * there. {@code /signin/problem} explains a sign-in the directory refused.
 */
@Controller
public class LoginController {

    private final boolean oidc;

    public LoginController(PlatformSecurityProperties properties) {
        this.oidc = properties.oidc().enabled();
    }

    @GetMapping("/login")
    String login() {
        return this.oidc ? "redirect:/oauth2/authorization/suggestionbox" : "login";
    }

    @GetMapping("/signin/problem")
    String signInProblem() {
        return "signin-problem";
    }
}
