package org.suggestionbox.router.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suggestionbox.platform.security.DirectoryUser;
import org.suggestionbox.router.decision.DecisionRequest;
import org.suggestionbox.router.decision.DecisionService;
import org.suggestionbox.router.decision.ImpactRequest;
import org.suggestionbox.router.decision.MergeRequest;
import org.suggestionbox.router.decision.ReassignRequest;
import org.suggestionbox.router.decision.StatusRequest;
import org.suggestionbox.router.idea.IdeaId;

/**
 * The idea API: read one idea, start reviewing it, decide it, report progress (an implementation with
 * its estimated impact), record its measured impact, hand it on, merge it as a duplicate.
 */
@RestController
@RequestMapping("/api/ideas/{id}")
@ApiResponse(responseCode = "200", description = "The idea as the signed-in person may see it, after the change")
@ApiResponse(responseCode = "400", description = "Invalid request: no idea id, or invalid fields, with errors[].field")
@ApiResponse(
        responseCode = "403",
        description = "Not for the signed-in person: not the idea's owner, or not their role")
@ApiResponse(responseCode = "404", description = "No such idea")
class IdeaApiController {

    private static final String CONFLICT =
            "Not possible in the idea's state (e.g. decided already), or changed meanwhile: read it and try again";

    private final DecisionService decisions;
    private final IdeaViews views;

    IdeaApiController(DecisionService decisions, IdeaViews views) {
        this.decisions = decisions;
        this.views = views;
    }

    @GetMapping
    IdeaView idea(@PathVariable IdeaId id, @AuthenticationPrincipal DirectoryUser user) {
        return views.view(decisions.read(id, user.person()), user.person());
    }

    @ApiResponse(responseCode = "409", description = CONFLICT)
    @PostMapping(path = "/decision", produces = MediaType.APPLICATION_JSON_VALUE)
    IdeaView decide(
            @PathVariable IdeaId id,
            @RequestBody DecisionRequest request,
            @AuthenticationPrincipal DirectoryUser user) {
        return views.view(decisions.decide(id, request, user.person()));
    }

    @ApiResponse(responseCode = "409", description = CONFLICT)
    @PostMapping(path = "/review", produces = MediaType.APPLICATION_JSON_VALUE)
    IdeaView review(@PathVariable IdeaId id, @AuthenticationPrincipal DirectoryUser user) {
        return views.view(decisions.startReview(id, user.person()));
    }

    @ApiResponse(responseCode = "409", description = CONFLICT)
    @PostMapping(path = "/status", produces = MediaType.APPLICATION_JSON_VALUE)
    IdeaView status(
            @PathVariable IdeaId id, @RequestBody StatusRequest request, @AuthenticationPrincipal DirectoryUser user) {
        return views.view(decisions.changeStatus(id, request, user.person()));
    }

    /** The owner (or a leader) records the benefit an implemented idea measurably brought. */
    @ApiResponse(responseCode = "409", description = CONFLICT)
    @PostMapping(path = "/impact", produces = MediaType.APPLICATION_JSON_VALUE)
    IdeaView impact(
            @PathVariable IdeaId id, @RequestBody ImpactRequest request, @AuthenticationPrincipal DirectoryUser user) {
        return views.view(decisions.recordImpact(id, request, user.person()));
    }

    @ApiResponse(responseCode = "409", description = CONFLICT)
    @PostMapping(path = "/reassign", produces = MediaType.APPLICATION_JSON_VALUE)
    IdeaView reassign(
            @PathVariable IdeaId id,
            @RequestBody ReassignRequest request,
            @AuthenticationPrincipal DirectoryUser user) {
        return views.view(decisions.reassign(id, request, user.person()));
    }

    @ApiResponse(responseCode = "409", description = CONFLICT)
    @PostMapping(path = "/merge", produces = MediaType.APPLICATION_JSON_VALUE)
    IdeaView merge(
            @PathVariable IdeaId id, @RequestBody MergeRequest request, @AuthenticationPrincipal DirectoryUser user) {
        return views.view(decisions.merge(id, request, user.person()));
    }
}
