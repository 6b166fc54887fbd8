package org.suggestionbox.events;

/** The ways the notifier reaches a person. */
public enum DeliveryChannel {
    IN_APP,
    EMAIL,
    SLACK,
    TEAMS,
    WEBHOOK
}
