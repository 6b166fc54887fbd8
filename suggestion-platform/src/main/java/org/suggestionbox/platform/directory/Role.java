package org.suggestionbox.platform.directory;

/** What a person may do. */
public enum Role {
    EMPLOYEE,
    OWNER,
    LEADER,
    ADMIN
}
