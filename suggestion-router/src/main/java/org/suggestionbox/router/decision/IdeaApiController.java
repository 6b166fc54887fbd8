package org.suggestionbox.router.decision;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suggestionbox.platform.security.DirectoryUser;

/** The idea API: read one idea, start reviewing it, decide it, report progress, hand it on, merge it
 * as a duplicate. */
@RestController
@RequestMapping("/api/ideas/{id}")
class IdeaApiController {

    private final DecisionService decisions;

    IdeaApiController(DecisionService decisions) {
        this.decisions = decisions;
    }

    @GetMapping
    IdeaView idea(@PathVariable UUID id, @AuthenticationPrincipal DirectoryUser user) {
        return decisions.view(decisions.read(id, user.person()), user.person());
    }

    @PostMapping("/decision")
    IdeaView decide(@PathVariable UUID id, @RequestBody DecisionRequest request,
            @AuthenticationPrincipal DirectoryUser user) {
        return decisions.view(decisions.decide(id, request, user.person()));
    }

    @PostMapping("/review")
    IdeaView review(@PathVariable UUID id, @AuthenticationPrincipal DirectoryUser user) {
        return decisions.view(decisions.startReview(id, user.person()));
    }

    @PostMapping("/status")
    IdeaView status(@PathVariable UUID id, @RequestBody StatusRequest request,
            @AuthenticationPrincipal DirectoryUser user) {
        return decisions.view(decisions.changeStatus(id, request, user.person()));
    }

    @PostMapping("/reassign")
    IdeaView reassign(@PathVariable UUID id, @RequestBody ReassignRequest request,
            @AuthenticationPrincipal DirectoryUser user) {
        return decisions.view(decisions.reassign(id, request, user.person()));
    }

    @PostMapping("/merge")
    IdeaView merge(@PathVariable UUID id, @RequestBody MergeRequest request,
            @AuthenticationPrincipal DirectoryUser user) {
        return decisions.view(decisions.merge(id, request, user.person()));
    }
}
