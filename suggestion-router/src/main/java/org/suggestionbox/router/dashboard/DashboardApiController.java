package org.suggestionbox.router.dashboard;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suggestionbox.platform.security.DirectoryUser;

/** The leadership figures as JSON, for leaders and administrators. */
@RestController
class DashboardApiController {

    private final DashboardService dashboards;

    DashboardApiController(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    @ApiResponse(
            responseCode = "200",
            description = "The figures of the idea flow",
            content = @Content(schema = @Schema(implementation = Dashboard.class)))
    @ApiResponse(responseCode = "403", description = "For leaders and administrators")
    @GetMapping("/api/dashboard")
    ResponseEntity<?> dashboard(@AuthenticationPrincipal DirectoryUser user) {
        if (!DashboardService.mayView(user.person())) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.FORBIDDEN, "The dashboard is for leaders and administrators.");
            problem.setTitle("Forbidden");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
        }
        return ResponseEntity.ok(dashboards.dashboard());
    }
}
