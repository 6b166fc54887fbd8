package org.suggestionbox.router.lifecycle;

import org.suggestionbox.router.idea.IdeaId;

/** No idea with that id. */
public class IdeaNotFoundException extends RuntimeException {

    public IdeaNotFoundException(IdeaId id) {
        super("No idea " + id);
    }
}
