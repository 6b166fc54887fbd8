package org.suggestionbox.router.admin;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.security.DirectoryUser;
import org.suggestionbox.router.config.RouterProperties;
import org.suggestionbox.router.web.InvalidRequestException;

/**
 * The org directory for administrators: upload an HR export (JSON or CSV) or re-read the configured
 * file. Either way, ideas of owners who left or lost the role are re-routed.
 */
@RestController
@RequestMapping("/api/admin/directory")
@PreAuthorize("hasRole('ADMIN')")
class DirectoryAdminController {

    private final DirectoryAdminService service;
    private final RouterProperties properties;

    DirectoryAdminController(DirectoryAdminService service, RouterProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    DirectoryAdminService.ImportSummary importJson(
            @RequestBody List<PersonRow> rows, @AuthenticationPrincipal DirectoryUser user) {
        return apply(DirectoryImport.fromRows(rows, properties.triageOwner()), user);
    }

    @PostMapping(consumes = "text/csv", produces = MediaType.APPLICATION_JSON_VALUE)
    DirectoryAdminService.ImportSummary importCsv(
            @RequestBody String csv, @AuthenticationPrincipal DirectoryUser user) {
        return apply(DirectoryImport.fromCsv(csv, properties.triageOwner()), user);
    }

    @PostMapping(path = "/reload", produces = MediaType.APPLICATION_JSON_VALUE)
    DirectoryAdminService.ImportSummary reload(@AuthenticationPrincipal DirectoryUser user) {
        return service.reload(user.id());
    }

    @ExceptionHandler(Directory.UnreadableDirectoryException.class)
    ProblemDetail unreadableDirectory(Directory.UnreadableDirectoryException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
        problem.setTitle("Directory file not usable; the directory is unchanged");
        return problem;
    }

    private DirectoryAdminService.ImportSummary apply(DirectoryImport.Outcome outcome, DirectoryUser user) {
        if (!outcome.violations().isEmpty()) {
            throw new InvalidRequestException(outcome.violations());
        }
        return service.replace(outcome.people(), user.id());
    }
}
