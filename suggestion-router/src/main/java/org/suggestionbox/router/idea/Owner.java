package org.suggestionbox.router.idea;

/** The person who owns an idea: a directory id and the name shown to people. */
public record Owner(String id, String name) {}
