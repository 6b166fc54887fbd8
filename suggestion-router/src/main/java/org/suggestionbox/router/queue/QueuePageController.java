package org.suggestionbox.router.queue;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.suggestionbox.platform.directory.Role;
import org.suggestionbox.platform.security.DirectoryUser;
import org.suggestionbox.router.idea.IdeaState;

/** The owner queue page and the employee's "my ideas" page. */
@Controller
class QueuePageController {

    private final QueueService queue;

    QueuePageController(QueueService queue) {
        this.queue = queue;
    }

    /** Owners start at their queue, everybody else at their own ideas. */
    @GetMapping("/")
    String home(@AuthenticationPrincipal DirectoryUser user) {
        return user.person().hasRole(Role.OWNER) ? "redirect:/queue" : "redirect:/my-ideas";
    }

    @GetMapping("/queue")
    String queue(@RequestParam(required = false) @Nullable IdeaState state,
            @RequestParam(required = false) @Nullable String category, @AuthenticationPrincipal DirectoryUser user,
            Model model) {
        model.addAttribute("items", queue.queue(user.id(), state, category));
        model.addAttribute("states", IdeaState.OPEN);
        model.addAttribute("selectedState", state);
        model.addAttribute("selectedCategory", category == null ? "" : category);
        return "queue";
    }

    @GetMapping("/my-ideas")
    String myIdeas(@AuthenticationPrincipal DirectoryUser user, Model model) {
        model.addAttribute("ideas", queue.myIdeas(user.id()));
        return "my-ideas";
    }
}
