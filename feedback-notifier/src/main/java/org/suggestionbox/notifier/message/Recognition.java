package org.suggestionbox.notifier.message;

/**
 * What a submitter chose about the thanks for their implemented idea (their preferences): whether their
 * manager hears it too.
 */
@FunctionalInterface
public interface Recognition {

    /** Nobody chose it: for set-ups without preferences. */
    Recognition NOBODY = personId -> false;

    /** Whether the person (by directory id) wants their manager to hear the thanks when their idea is implemented. */
    boolean managerHearsThanks(String personId);
}
