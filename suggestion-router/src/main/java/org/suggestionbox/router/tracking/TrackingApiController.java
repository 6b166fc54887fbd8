package org.suggestionbox.router.tracking;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The private tracking link as JSON: {@code GET /api/track/{token}}, no sign-in, never cached. */
@RestController
class TrackingApiController {

    private final Tracking tracking;

    TrackingApiController(Tracking tracking) {
        this.tracking = tracking;
    }

    @ApiResponse(
            responseCode = "200",
            description = "The idea behind the link, with no person named",
            content = @Content(schema = @Schema(implementation = TrackedIdea.class)))
    @ApiResponse(responseCode = "404", description = "No idea has this tracking link")
    @GetMapping("/api/track/{token}")
    ResponseEntity<?> track(@PathVariable String token) {
        return tracking.find(token)
                .<ResponseEntity<?>>map(idea ->
                        ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(idea))
                .orElseGet(() -> {
                    ProblemDetail problem =
                            ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No idea has this tracking link.");
                    problem.setTitle("Unknown tracking link");
                    return ResponseEntity.status(HttpStatus.NOT_FOUND)
                            .cacheControl(CacheControl.noStore())
                            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                            .body(problem);
                });
    }
}
