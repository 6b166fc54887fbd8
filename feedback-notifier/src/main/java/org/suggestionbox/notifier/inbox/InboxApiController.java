package org.suggestionbox.notifier.inbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suggestionbox.platform.security.DirectoryUser;

/** The caller's in-app notifications. */
@RestController
@RequestMapping("/api/notifications")
class InboxApiController {

    private final Inbox inbox;

    InboxApiController(Inbox inbox) {
        this.inbox = inbox;
    }

    /** Newest first. */
    @GetMapping
    List<InboxEntry> notifications(@AuthenticationPrincipal DirectoryUser user) {
        return inbox.of(user.id());
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
