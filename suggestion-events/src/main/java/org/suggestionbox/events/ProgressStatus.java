package org.suggestionbox.events;

/** Where an explored idea went afterwards. */
public enum ProgressStatus {
    IN_PROGRESS,
    IMPLEMENTED,
    SHELVED
}
