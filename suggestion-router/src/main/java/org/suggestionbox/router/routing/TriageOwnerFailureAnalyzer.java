package org.suggestionbox.router.routing;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says whom to name, and where, when the router refuses to start because its triage owner owns nothing. */
class TriageOwnerFailureAnalyzer extends AbstractFailureAnalyzer<TriageOwnerNotAnOwner> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TriageOwnerNotAnOwner cause) {
        String description = "The triage owner '" + cause.triageOwner() + "' is not a person with the OWNER role in "
                + "the directory. The triage owner receives every idea no routing rule matches, to decide it, so the "
                + "router takes only a person the directory names as an owner.";
        String action = "Set SUGGESTIONBOX_ROUTER_TRIAGEOWNER (suggestionbox.router.triage-owner) to the directory id "
                + "of a person whose roles include OWNER, or give '" + cause.triageOwner() + "' that role in the "
                + "directory (SUGGESTIONBOX_DIRECTORY_LOCATION); see the README's Configuration section.";
        return new FailureAnalysis(description, action, cause);
    }
}
