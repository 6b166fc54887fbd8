package org.suggestionbox.router.idea;

import java.time.Instant;
import org.suggestionbox.events.ReminderPoint;

/**
 * A reminder the owner was sent.
 *
 * @param forDeadline the answer deadline it was about; a new deadline (reassignment, escalation) has
 *        its own reminders
 */
public record SentReminder(ReminderPoint point, Instant forDeadline, Instant sentAt) {}
