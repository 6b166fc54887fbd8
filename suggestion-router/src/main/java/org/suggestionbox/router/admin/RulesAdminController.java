package org.suggestionbox.router.admin;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suggestionbox.platform.security.DirectoryUser;
import org.suggestionbox.router.idea.Violation;
import org.suggestionbox.router.routing.RuleBook;
import org.suggestionbox.router.routing.RuleDefinition;
import org.suggestionbox.router.web.InvalidRequestException;

/** The routing rules for administrators: read them, replace them for every router instance. */
@RestController
@RequestMapping("/api/admin/rules")
@PreAuthorize("hasRole('ADMIN')")
class RulesAdminController {

    private final RuleBook rules;

    RulesAdminController(RuleBook rules) {
        this.rules = rules;
    }

    @GetMapping
    RulesDocument get() {
        return new RulesDocument(rules.current());
    }

    @PutMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    RulesDocument put(@RequestBody RulesDocument document, @AuthenticationPrincipal DirectoryUser user) {
        List<RuleDefinition> definitions = document.rules() == null ? List.of() : document.rules();
        List<Violation> violations = rules.violations(definitions);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        rules.replace(definitions, user.id());
        return new RulesDocument(rules.current());
    }

    /** The rules file's shape: {@code {"rules": [...]}}. */
    record RulesDocument(@org.jspecify.annotations.Nullable List<RuleDefinition> rules) {}
}
