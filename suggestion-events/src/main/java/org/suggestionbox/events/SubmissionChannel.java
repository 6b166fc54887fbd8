package org.suggestionbox.events;

/** The door an idea came through. */
public enum SubmissionChannel {
    WEB,
    API,
    SLACK,
    TEAMS
}
