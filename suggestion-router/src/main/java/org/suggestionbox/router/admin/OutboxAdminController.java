package org.suggestionbox.router.admin;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.suggestionbox.platform.security.DirectoryUser;
import org.suggestionbox.router.outbox.OutboxDeadLetter;
import org.suggestionbox.router.outbox.OutboxDeadLetters;

/**
 * Lifecycle events that can never be published, for administrators: list them, and mark one
 * resolved once its submitters were answered another way. Until then its idea counts as unanswered.
 */
@RestController
@RequestMapping("/api/admin/outbox/dead-letters")
@PreAuthorize("hasRole('ADMIN')")
class OutboxAdminController {

    private final OutboxDeadLetters deadLetters;
    private final Clock clock;

    OutboxAdminController(OutboxDeadLetters deadLetters, Clock clock) {
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    @GetMapping
    List<OutboxDeadLetter> deadLetters() {
        return deadLetters.all();
    }

    @PostMapping(path = "/{eventId}/resolve", produces = MediaType.APPLICATION_JSON_VALUE)
    OutboxDeadLetter resolve(@PathVariable UUID eventId, @AuthenticationPrincipal DirectoryUser user) {
        return deadLetters
                .resolve(eventId, user.id(), clock.instant())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No dead letter " + eventId));
    }
}
