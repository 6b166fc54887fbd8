package org.suggestionbox.router.idea;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an idea stands. {@code SUBMITTED → ASSIGNED → (UNDER_REVIEW) → EXPLORING | DECLINED | MERGED};
 * {@code EXPLORING → IN_PROGRESS → IMPLEMENTED | SHELVED}. Reassignment and escalation keep the state.
 * The transition table lives here: {@link #allows(IdeaAction)} says which actions a state allows,
 * {@link #canMoveTo(IdeaState)} which states it can become; the aggregate asks both.
 */
public enum IdeaState {
    SUBMITTED,
    ASSIGNED,
    UNDER_REVIEW,
    EXPLORING,
    DECLINED,
    MERGED,
    IN_PROGRESS,
    IMPLEMENTED,
    SHELVED;

    /** The states in which the owner still owes a decision. */
    public static final Set<IdeaState> UNDECIDED = EnumSet.of(ASSIGNED, UNDER_REVIEW);

    /** The states an owner still works on: undecided, or explored and not finished. */
    public static final Set<IdeaState> OPEN = EnumSet.of(ASSIGNED, UNDER_REVIEW, EXPLORING, IN_PROGRESS);

    /** The states an idea ends in: nothing more is owed on it. */
    public static final Set<IdeaState> CLOSED = EnumSet.of(DECLINED, MERGED, IMPLEMENTED, SHELVED);

    public boolean isUndecided() {
        return UNDECIDED.contains(this);
    }

    /** The owner has decided (explore, decline or merge); the submitter can be answered. */
    public boolean isDecided() {
        return this != SUBMITTED && !isUndecided();
    }

    /** Whether an idea in this state may undergo {@code action}. */
    public boolean allows(IdeaAction action) {
        return switch (action) {
            case ASSIGN -> this == SUBMITTED;
            case START_REVIEW -> this == ASSIGNED;
            case EXPLORE, DECLINE, MERGE, REASSIGN, ESCALATE -> isUndecided();
            case START_PROGRESS -> this == EXPLORING;
            case IMPLEMENT -> this == IN_PROGRESS;
            case SHELVE -> this == EXPLORING || this == IN_PROGRESS;
            case MARK_ANSWERED -> isDecided();
            case RECORD_IMPACT -> this == IMPLEMENTED;
            case SUPPORT -> this == SUBMITTED || OPEN.contains(this);
            case AGREE_TO_BE_NAMED -> true;
        };
    }

    /** The actions an idea in this state may undergo. */
    public Set<IdeaAction> allowedActions() {
        Set<IdeaAction> allowed = EnumSet.noneOf(IdeaAction.class);
        for (IdeaAction action : IdeaAction.values()) {
            if (allows(action)) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    /** Whether an idea in this state can become {@code target} (staying in the same state is no move). */
    public boolean canMoveTo(IdeaState target) {
        return switch (this) {
            case SUBMITTED -> target == ASSIGNED;
            case ASSIGNED -> target == UNDER_REVIEW || target == EXPLORING || target == DECLINED || target == MERGED;
            case UNDER_REVIEW -> target == EXPLORING || target == DECLINED || target == MERGED;
            case EXPLORING -> target == IN_PROGRESS || target == SHELVED;
            case IN_PROGRESS -> target == IMPLEMENTED || target == SHELVED;
            case DECLINED, MERGED, IMPLEMENTED, SHELVED -> false;
        };
    }
}
