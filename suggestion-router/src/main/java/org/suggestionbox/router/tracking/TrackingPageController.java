package org.suggestionbox.router.tracking;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.suggestionbox.platform.web.PageController;

/**
 * The private tracking page of an anonymous idea: no sign-in, never cached ({@code no-store}), and an
 * unknown link is a plain 404.
 */
@Controller
class TrackingPageController implements PageController {

    private final Tracking tracking;

    TrackingPageController(Tracking tracking) {
        this.tracking = tracking;
    }

    @GetMapping("/track/{token}")
    String track(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Optional<TrackedIdea> idea = tracking.find(token);
        if (idea.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "track-unknown";
        }
        model.addAttribute("idea", idea.get());
        return "track";
    }
}
