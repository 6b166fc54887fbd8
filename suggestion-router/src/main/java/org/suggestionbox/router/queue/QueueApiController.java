package org.suggestionbox.router.queue;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suggestionbox.platform.security.DirectoryUser;
import org.suggestionbox.router.decision.IdeaView;
import org.suggestionbox.router.idea.IdeaState;

/** {@code GET /api/queue} for owners, {@code GET /api/my-ideas} for everybody. */
@RestController
class QueueApiController {

    private final QueueService queue;

    QueueApiController(QueueService queue) {
        this.queue = queue;
    }

    @GetMapping("/api/queue")
    List<QueueItem> queue(@RequestParam(required = false) @Nullable IdeaState state,
            @RequestParam(required = false) @Nullable String category, @AuthenticationPrincipal DirectoryUser user) {
        return queue.queue(user.id(), state, category);
    }

    @GetMapping("/api/my-ideas")
    List<IdeaView> myIdeas(@AuthenticationPrincipal DirectoryUser user) {
        return queue.myIdeas(user.id());
    }
}
