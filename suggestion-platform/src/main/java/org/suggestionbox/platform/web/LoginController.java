package org.suggestionbox.platform.web;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.suggestionbox.platform.security.DirectoryUser;
import org.suggestionbox.platform.security.PlatformSecurityAutoConfiguration;
import org.suggestionbox.platform.security.PlatformSecurityProperties;

/**
 * The sign-in pages every service shares: the password form exists only under the {@code local}
 * profile; elsewhere {@code /login} sends the person to the company's OpenID Connect provider.
 * {@code /signin/problem} explains a sign-in the directory refused, {@code /signed-out} a sign-out that is done.
 */
@Controller
public class LoginController implements PageController {

    private final boolean passwordForm;

    private final boolean provider;

    public LoginController(PlatformSecurityProperties properties, Environment environment) {
        this.provider = properties.oidc().enabled();
        this.passwordForm = environment.matchesProfiles("local");
    }

    @GetMapping("/login")
    String login(Model model) {
        if (!this.passwordForm) {
            return "redirect:" + PlatformSecurityAutoConfiguration.PROVIDER_SIGN_IN;
        }
        model.addAttribute("provider", this.provider);
        return "login";
    }

    @GetMapping("/signin/problem")
    String signInProblem() {
        return "signin-problem";
    }

    /**
     * Where a sign-out ends: the provider sends people back here once it has signed them out of every service. Says
     * so, and offers to sign in again; someone signed in who comes here goes to their start page instead.
     */
    @GetMapping(PlatformSecurityAutoConfiguration.SIGNED_OUT_PAGE)
    String signedOut(@AuthenticationPrincipal @Nullable DirectoryUser person, Locale locale, Model model) {
        if (person != null) {
            return "redirect:/";
        }
        // the provider's sign-in page in this page's language, without picking it for whoever signs in next
        model.addAttribute(
                "signInAgain",
                this.provider
                        ? PlatformSecurityAutoConfiguration.PROVIDER_SIGN_IN + "?ui_locales=" + locale.getLanguage()
                        : "/");
        return "signed-out";
    }
}
