package org.suggestionbox.router.queue;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.suggestionbox.platform.directory.Role;
import org.suggestionbox.platform.security.DirectoryUser;
import org.suggestionbox.platform.web.CursorPage;
import org.suggestionbox.platform.web.PageController;
import org.suggestionbox.platform.web.PageErrorViews;
import org.suggestionbox.platform.web.PageRequest;
import org.suggestionbox.platform.web.PagerLinks;
import org.suggestionbox.router.idea.IdeaState;
import org.suggestionbox.router.web.IdeaView;
import org.suggestionbox.router.web.InvalidRequestException;

/** The owner queue page and the employee's "my ideas" page. */
@Controller
class QueuePageController implements PageController {

    private final QueueService queue;
    private final PageErrorViews errorPages;

    QueuePageController(QueueService queue, PageErrorViews errorPages) {
        this.queue = queue;
        this.errorPages = errorPages;
    }

    /**
     * Leaders start at the dashboard, owners at their queue, administrators at the events that could not be sent,
     * everybody else at their own ideas.
     */
    @GetMapping("/")
    String home(@AuthenticationPrincipal DirectoryUser user) {
        if (user.person().hasRole(Role.LEADER)) {
            return "redirect:/dashboard";
        }
        if (user.person().hasRole(Role.OWNER)) {
            return "redirect:/queue";
        }
        return user.person().hasRole(Role.ADMIN) ? "redirect:/admin/outbox" : "redirect:/my-ideas";
    }

    @GetMapping("/queue")
    String queue(
            @RequestParam(required = false) @Nullable IdeaState state,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String cursor,
            @AuthenticationPrincipal DirectoryUser user,
            HttpServletRequest request,
            Model model) {
        PageRequest page = PageRequest.of(limit, cursor);
        // the page's own form only offers the two orders; anything else shows the default
        QueueSort order = "support".equalsIgnoreCase(sort) ? QueueSort.SUPPORT : QueueSort.DEADLINE;
        CursorPage<QueueItem> items = queue.queue(user.id(), state, category, order, page);
        model.addAttribute("selectedSort", order);
        model.addAttribute("sorts", QueueSort.values());
        model.addAttribute("items", items.items());
        model.addAttribute("pager", PagerLinks.of(request, page, items));
        model.addAttribute("openStates", IdeaState.OPEN);
        model.addAttribute("closedStates", IdeaState.CLOSED);
        model.addAttribute("selectedState", state);
        model.addAttribute("selectedCategory", category == null ? "" : category);
        return "queue";
    }

    @GetMapping("/my-ideas")
    String myIdeas(
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String cursor,
            @AuthenticationPrincipal DirectoryUser user,
            HttpServletRequest request,
            Model model) {
        PageRequest page = PageRequest.of(limit, cursor);
        CursorPage<IdeaView> ideas = queue.myIdeas(user.id(), page);
        model.addAttribute("ideas", ideas.items());
        model.addAttribute("pager", PagerLinks.of(request, page, ideas));
        return "my-ideas";
    }

    /** A filter the queue cannot take (a category name over the limit): the error page, as for a bad state. */
    @ExceptionHandler(InvalidRequestException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(Model model) {
        return errorPages.explain(model, HttpStatus.BAD_REQUEST, "queue.invalid");
    }
}
