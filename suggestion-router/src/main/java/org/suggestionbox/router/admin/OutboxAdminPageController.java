package org.suggestionbox.router.admin;

import java.time.Clock;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.suggestionbox.platform.security.DirectoryUser;
import org.suggestionbox.platform.web.PageController;
import org.suggestionbox.router.outbox.OutboxDeadLetters;

/** The administrators' page of lifecycle events that can never be published. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class OutboxAdminPageController implements PageController {

    private final OutboxDeadLetters deadLetters;
    private final Clock clock;

    OutboxAdminPageController(OutboxDeadLetters deadLetters, Clock clock) {
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    @GetMapping("/admin/outbox")
    String outbox(Model model) {
        model.addAttribute("deadLetters", deadLetters.all());
        return "admin-outbox";
    }

    @PostMapping("/admin/outbox/{eventId}/resolve")
    String resolve(@PathVariable UUID eventId, @AuthenticationPrincipal DirectoryUser user) {
        deadLetters.resolve(eventId, user.id(), clock.instant());
        return "redirect:/admin/outbox?resolved";
    }
}
