package org.suggestionbox.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page every service shares. */
@Controller
public class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
