package org.suggestionbox.router.queue;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suggestionbox.platform.security.DirectoryUser;
import org.suggestionbox.platform.web.CursorPage;
import org.suggestionbox.platform.web.PageRequest;
import org.suggestionbox.router.idea.IdeaState;
import org.suggestionbox.router.web.IdeaView;

/**
 * {@code GET /api/queue} for owners ({@code ?sort=support}: most "me too"s first), {@code GET /api/my-ideas} for everybody; both cursor-paged
 * ({@code ?limit=} 1–200, default 50, {@code ?cursor=} from the previous page's {@code nextCursor}).
 */
@RestController
class QueueApiController {

    private final QueueService queue;

    QueueApiController(QueueService queue) {
        this.queue = queue;
    }

    @GetMapping("/api/queue")
    CursorPage<QueueItem> queue(
            @RequestParam(required = false) @Nullable IdeaState state,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String cursor,
            @AuthenticationPrincipal DirectoryUser user) {
        return queue.queue(user.id(), state, category, QueueSort.of(sort), PageRequest.of(limit, cursor));
    }

    @GetMapping("/api/my-ideas")
    CursorPage<IdeaView> myIdeas(
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String cursor,
            @AuthenticationPrincipal DirectoryUser user) {
        return queue.myIdeas(user.id(), PageRequest.of(limit, cursor));
    }
}
