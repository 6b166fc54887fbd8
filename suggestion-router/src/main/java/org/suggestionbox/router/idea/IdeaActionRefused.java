package org.suggestionbox.router.idea;

import java.util.List;

/**
 * The one way the idea aggregate says no: either the idea's state does not allow the action
 * ({@link Reason#NOT_IN_THIS_STATE}, e.g. deciding an idea twice) or the action lacks what it needs
 * ({@link Reason#INCOMPLETE}, e.g. a decline without a reason code), with one {@link Violation} per
 * field. The API answers the first with 409, the second with 400.
 */
public class IdeaActionRefused extends RuntimeException {

    /** Why an action was refused. */
    public enum Reason {
        /** The idea's state does not allow the action. */
        NOT_IN_THIS_STATE,
        /** The action lacks what it needs or names something it cannot use. */
        INCOMPLETE
    }

    private final IdeaId ideaId;
    private final IdeaState state;
    private final IdeaAction action;
    private final Reason reason;
    private final List<Violation> violations;

    private IdeaActionRefused(
            IdeaId ideaId,
            IdeaState state,
            IdeaAction action,
            Reason reason,
            List<Violation> violations,
            String message) {
        super(message);
        this.ideaId = ideaId;
        this.state = state;
        this.action = action;
        this.reason = reason;
        this.violations = List.copyOf(violations);
    }

    /** {@code action} is not possible while the idea is {@code state}. */
    public static IdeaActionRefused notInState(IdeaId ideaId, IdeaState state, IdeaAction action) {
        return new IdeaActionRefused(
                ideaId,
                state,
                action,
                Reason.NOT_IN_THIS_STATE,
                List.of(),
                "Idea " + ideaId + " is " + state + ": " + action + " is not possible");
    }

    /** {@code action} lacks what {@code violations} name. */
    public static IdeaActionRefused incomplete(
            IdeaId ideaId, IdeaState state, IdeaAction action, List<Violation> violations) {
        return new IdeaActionRefused(
                ideaId,
                state,
                action,
                Reason.INCOMPLETE,
                violations,
                action + " of idea " + ideaId + " is incomplete: " + violations);
    }

    public IdeaId ideaId() {
        return ideaId;
    }

    public IdeaState state() {
        return state;
    }

    public IdeaAction action() {
        return action;
    }

    public Reason reason() {
        return reason;
    }

    /** What was missing or wrong; empty for {@link Reason#NOT_IN_THIS_STATE}. */
    public List<Violation> violations() {
        return violations;
    }
}
