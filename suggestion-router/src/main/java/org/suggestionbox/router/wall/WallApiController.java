package org.suggestionbox.router.wall;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suggestionbox.platform.security.DirectoryUser;
import org.suggestionbox.platform.web.CursorPage;
import org.suggestionbox.platform.web.PageRequest;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.idea.IdeaId;
import org.suggestionbox.router.idea.Violation;
import org.suggestionbox.router.web.InvalidRequestException;

/**
 * The wall's API: {@code GET /api/ideas} (cursor-paged like {@code /api/queue}, filters and full-text
 * {@code query}, {@code view=implemented} for "You said, we did"), {@code POST} and {@code DELETE
 * /api/ideas/{id}/support} for "me too", {@code POST /api/ideas/{id}/named} for a co-submitter who agrees
 * to be named, and {@code GET /api/ideas/similar?text=} for the open ideas
 * like a draft being typed.
 */
@RestController
class WallApiController {

    private final WallService wall;

    WallApiController(WallService wall) {
        this.wall = wall;
    }

    @GetMapping("/api/ideas")
    CursorPage<WallItem> wall(
            @RequestParam(required = false) @Nullable String query,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String department,
            @RequestParam(required = false) @Nullable String view,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String cursor,
            @AuthenticationPrincipal DirectoryUser user) {
        WallQuery wallQuery = WallQuery.of(query, state, category, department, view);
        return wall.wall(user.person(), wallQuery, PageRequest.of(limit, cursor));
    }

    /**
     * Not stored by the browser or a proxy: the answer depends on a draft and on who asks. Programs ask
     * {@code /api/ideas/similar} with a token; intake's form asks {@code /ideas/similar} from the browser,
     * where the person's router session signs the request (the API's chain is stateless and reads no
     * session).
     */
    @GetMapping({"/api/ideas/similar", "/ideas/similar"})
    ResponseEntity<List<SimilarOpenIdea>> similar(
            @RequestParam(required = false) @Nullable String text, @AuthenticationPrincipal DirectoryUser user) {
        if (text != null
                && text.length() > WallService.MAX_DRAFT
                && text.codePointCount(0, text.length()) > WallService.MAX_DRAFT) {
            throw new InvalidRequestException(
                    List.of(new Violation("text", "At most " + WallService.MAX_DRAFT + " characters.")));
        }
        List<SimilarOpenIdea> similar =
                text == null || text.isBlank() ? List.of() : wall.similarOpen(user.person(), text);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(similar);
    }

    @PostMapping(path = "/api/ideas/{id}/support", produces = MediaType.APPLICATION_JSON_VALUE)
    Support support(@PathVariable IdeaId id, @AuthenticationPrincipal DirectoryUser user) {
        return Support.of(wall.support(id, user.person()), user.id());
    }

    @DeleteMapping(path = "/api/ideas/{id}/support", produces = MediaType.APPLICATION_JSON_VALUE)
    Support withdraw(@PathVariable IdeaId id, @AuthenticationPrincipal DirectoryUser user) {
        return Support.of(wall.withdraw(id, user.person()), user.id());
    }

    /** A co-submitter agrees to be named to colleagues on a {@code COMPANY_NAMED} idea. */
    @PostMapping("/api/ideas/{id}/named")
    ResponseEntity<Void> agreeToBeNamed(@PathVariable IdeaId id, @AuthenticationPrincipal DirectoryUser user) {
        wall.agreeToBeNamed(id, user.person());
        return ResponseEntity.noContent().build();
    }

    /** How many support the idea now, and whether the caller does. */
    record Support(UUID id, int supportCount, boolean supportedByYou) {

        static Support of(Idea idea, String personId) {
            return new Support(
                    idea.id().value(),
                    idea.audience().supportCount(),
                    idea.audience().isSupportedBy(personId));
        }
    }
}
