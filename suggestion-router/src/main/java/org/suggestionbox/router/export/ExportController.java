package org.suggestionbox.router.export;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suggestionbox.platform.security.DirectoryUser;

/**
 * {@code GET /api/export/ideas.csv} (and {@code /export/ideas.csv} for the signed-in browser): every idea as
 * CSV, for leaders only (others get 403).
 */
@RestController
class ExportController {

    private final IdeaExport ideas;
    private final Clock clock;

    ExportController(IdeaExport ideas, Clock clock) {
        this.ideas = ideas;
        this.clock = clock;
    }

    /** The API path takes a bearer token; the page path, linked from the dashboard, the browser's session. */
    @GetMapping({"/api/export/ideas.csv", "/export/ideas.csv"})
    void ideas(@AuthenticationPrincipal DirectoryUser user, HttpServletResponse response) throws IOException {
        CsvDownload.requireLeader(user.person());
        CsvDownload.attachment(response, "ideas-" + LocalDate.now(clock) + ".csv");
        ideas.write(response.getOutputStream());
    }
}
