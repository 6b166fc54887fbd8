package org.suggestionbox.router.decision;

import java.util.UUID;

/** The caller may not see, or may not act on, this idea. */
public class IdeaAccessDeniedException extends RuntimeException {

    public IdeaAccessDeniedException(UUID id, String what) {
        super("You may not " + what + " idea " + id);
    }
}
