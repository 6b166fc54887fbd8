package org.suggestionbox.events;

/** When an owner is reminded of an unanswered idea. */
public enum ReminderPoint {
    HALF_TIME,
    ONE_DAY_BEFORE
}
