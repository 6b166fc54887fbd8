package org.suggestionbox.router.decision;

import org.suggestionbox.router.idea.IdeaId;

/** The caller may not see, or may not act on, this idea. */
public class IdeaAccessDeniedException extends RuntimeException {

    public IdeaAccessDeniedException(IdeaId id, String what) {
        super("You may not " + what + " idea " + id);
    }
}
