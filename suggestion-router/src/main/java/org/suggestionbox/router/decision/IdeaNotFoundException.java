package org.suggestionbox.router.decision;

import java.util.UUID;

/** No idea with that id. */
public class IdeaNotFoundException extends RuntimeException {

    public IdeaNotFoundException(UUID id) {
        super("No idea " + id);
    }
}
