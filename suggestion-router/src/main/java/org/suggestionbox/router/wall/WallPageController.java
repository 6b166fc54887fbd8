package org.suggestionbox.router.wall;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.suggestionbox.platform.security.DirectoryUser;
import org.suggestionbox.platform.web.CursorPage;
import org.suggestionbox.platform.web.PageController;
import org.suggestionbox.platform.web.PageErrorViews;
import org.suggestionbox.platform.web.PageRequest;
import org.suggestionbox.platform.web.PagerLinks;
import org.suggestionbox.router.decision.IdeaAccessDeniedException;
import org.suggestionbox.router.idea.IdeaActionRefused;
import org.suggestionbox.router.idea.IdeaId;
import org.suggestionbox.router.idea.IdeaState;
import org.suggestionbox.router.lifecycle.IdeaNotFoundException;
import org.suggestionbox.router.web.InvalidRequestException;

/**
 * The wall page {@code /ideas} (a GET form for search and filters, so it works without JavaScript) and
 * the "me too" buttons of the wall and the idea page: plain form posts answered with a redirect back.
 */
@Controller
class WallPageController implements PageController {

    /** Where a "me too" may send the browser back to: the wall or an idea page of this service. */
    private static final Pattern RETURN_TO = Pattern.compile("/ideas(/[0-9a-fA-F-]{36})?(\\?[^\\s\\\\#]{0,2000})?");

    private static final List<String> CATEGORIES = List.of("customer-experience", "operations", "workplace", "other");

    private final WallService wall;
    private final PageErrorViews errorPages;

    WallPageController(WallService wall, PageErrorViews errorPages) {
        this.wall = wall;
        this.errorPages = errorPages;
    }

    @GetMapping("/ideas")
    String wall(
            @RequestParam(required = false) @Nullable String query,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String department,
            @RequestParam(required = false) @Nullable String view,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String cursor,
            @AuthenticationPrincipal DirectoryUser user,
            HttpServletRequest request,
            Model model) {
        WallQuery wallQuery = WallQuery.of(query, state, category, department, view);
        PageRequest page = PageRequest.of(limit, cursor);
        CursorPage<WallItem> items = wall.wall(user.person(), wallQuery, page);
        model.addAttribute("items", items.items());
        model.addAttribute("pager", PagerLinks.of(request, page, items));
        model.addAttribute("wallQuery", wallQuery);
        model.addAttribute("implementedView", wallQuery.view() == WallView.IMPLEMENTED);
        model.addAttribute("states", List.of(IdeaState.values()));
        model.addAttribute("categories", CATEGORIES);
        model.addAttribute("returnTo", returnTo(request));
        return "wall";
    }

    @PostMapping("/ideas/{id}/support")
    String support(
            @PathVariable IdeaId id,
            @RequestParam(required = false) @Nullable String returnTo,
            @AuthenticationPrincipal DirectoryUser user) {
        try {
            wall.support(id, user.person());
            return "redirect:" + back(returnTo, id);
        } catch (IdeaActionRefused | OptimisticLockingFailureException ex) {
            return "redirect:/ideas/" + id + "?notSupported";
        }
    }

    @PostMapping("/ideas/{id}/support/withdraw")
    String withdraw(
            @PathVariable IdeaId id,
            @RequestParam(required = false) @Nullable String returnTo,
            @AuthenticationPrincipal DirectoryUser user) {
        try {
            wall.withdraw(id, user.person());
            return "redirect:" + back(returnTo, id);
        } catch (IdeaActionRefused | OptimisticLockingFailureException ex) {
            return "redirect:/ideas/" + id + "?notSupported";
        }
    }

    /** A co-submitter agrees to be named to colleagues, from the idea page. */
    @PostMapping("/ideas/{id}/named")
    String agreeToBeNamed(@PathVariable IdeaId id, @AuthenticationPrincipal DirectoryUser user) {
        try {
            wall.agreeToBeNamed(id, user.person());
            return "redirect:/ideas/" + id + "?named";
        } catch (IdeaActionRefused | OptimisticLockingFailureException ex) {
            return "redirect:/ideas/" + id;
        }
    }

    @ExceptionHandler(IdeaNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        return errorPages.explain(model, HttpStatus.NOT_FOUND, "idea.notFound");
    }

    @ExceptionHandler(IdeaAccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(Model model) {
        return errorPages.explain(model, HttpStatus.FORBIDDEN, "idea.forbidden");
    }

    @ExceptionHandler(InvalidRequestException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(Model model) {
        return errorPages.explain(model, HttpStatus.BAD_REQUEST, "wall.invalid");
    }

    /** The wall's own address with its query, for the "me too" forms to come back to. */
    private static String returnTo(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? "/ideas" : "/ideas?" + query;
    }

    private static String back(@Nullable String returnTo, IdeaId id) {
        return returnTo != null && RETURN_TO.matcher(returnTo).matches() ? returnTo : "/ideas/" + id;
    }
}
