package org.suggestionbox.notifier.inbox;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suggestionbox.platform.security.DirectoryUser;
import org.suggestionbox.platform.web.CursorPage;
import org.suggestionbox.platform.web.PageRequest;

/** The caller's in-app notifications. */
@RestController
@RequestMapping("/api/notifications")
class InboxApiController {

    private final Inbox inbox;

    InboxApiController(Inbox inbox) {
        this.inbox = inbox;
    }

    /** Newest first, cursor-paged ({@code ?limit=} 1–200, default 50; {@code ?cursor=}). */
    @GetMapping
    CursorPage<InboxEntry> notifications(
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String cursor,
            @AuthenticationPrincipal DirectoryUser user) {
        return inbox.of(user.id(), PageRequest.of(limit, cursor));
    }

    @GetMapping("/unread-count")
    Map<String, Long> unreadCount(@AuthenticationPrincipal DirectoryUser user) {
        return Map.of("unread", inbox.unread(user.id()));
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> markRead(@PathVariable UUID id, @AuthenticationPrincipal DirectoryUser user) {
        inbox.markRead(user.id(), id);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(Inbox.InboxEntryNotFoundException.class)
    ProblemDetail notFound(Inbox.InboxEntryNotFoundException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Notification not found");
        return problem;
    }
}
