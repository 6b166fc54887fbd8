package org.suggestionbox.router.routing;

/**
 * The router's triage owner, who receives every idea no routing rule matches, is not a person with the OWNER role in
 * the directory; the router refuses to start, and {@link TriageOwnerFailureAnalyzer} says what to set.
 */
final class TriageOwnerNotAnOwner extends IllegalStateException {

    private final String triageOwner;

    TriageOwnerNotAnOwner(String triageOwner) {
        super("The triage owner '" + triageOwner + "' (suggestionbox.router.triage-owner, "
                + "SUGGESTIONBOX_ROUTER_TRIAGEOWNER) is not a person with the OWNER role in the directory; every idea "
                + "no routing rule matches goes to the triage owner to decide");
        this.triageOwner = triageOwner;
    }

    /** The directory id the router was given. */
    String triageOwner() {
        return this.triageOwner;
    }
}
