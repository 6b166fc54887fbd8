package org.suggestionbox.events;

/** Why a person received a notification. */
public enum RecipientRole {
    SUBMITTER,
    OWNER,
    MANAGER,
    /** A colleague who said "me too" and follows the idea. */
    SUPPORTER
}
