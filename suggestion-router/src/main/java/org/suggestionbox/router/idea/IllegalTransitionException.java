package org.suggestionbox.router.idea;

import java.util.UUID;

/** An action that the idea's current state does not allow, e.g. deciding an idea twice. */
public class IllegalTransitionException extends RuntimeException {

    private final IdeaState state;
    private final IdeaAction action;

    public IllegalTransitionException(UUID ideaId, IdeaState state, IdeaAction action) {
        super("Idea " + ideaId + " is " + state + ": " + action + " is not possible");
        this.state = state;
        this.action = action;
    }

    public IdeaState state() {
        return state;
    }

    public IdeaAction action() {
        return action;
    }
}
