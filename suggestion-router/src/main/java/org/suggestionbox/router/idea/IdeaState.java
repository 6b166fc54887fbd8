package org.suggestionbox.router.idea;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an idea stands. {@code SUBMITTED → ASSIGNED → (UNDER_REVIEW) → EXPLORING | DECLINED | MERGED};
 * {@code EXPLORING → IN_PROGRESS → IMPLEMENTED | SHELVED}.
 */
public enum IdeaState {
    SUBMITTED, ASSIGNED, UNDER_REVIEW, EXPLORING, DECLINED, MERGED, IN_PROGRESS, IMPLEMENTED, SHELVED;

    /** The states in which the owner still owes a decision. */
    public static final Set<IdeaState> UNDECIDED = EnumSet.of(ASSIGNED, UNDER_REVIEW);

    /** The states an owner still works on: undecided, or explored and not finished. */
    public static final Set<IdeaState> OPEN = EnumSet.of(ASSIGNED, UNDER_REVIEW, EXPLORING, IN_PROGRESS);

    public boolean isUndecided() {
        return UNDECIDED.contains(this);
    }

    /** The owner has decided (explore, decline or merge); the submitter can be answered. */
    public boolean isDecided() {
        return this != SUBMITTED && !isUndecided();
    }
}
