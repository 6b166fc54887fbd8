package org.suggestionbox.router.idea;

/** One missing or wrong field of a request, e.g. a decline without a reason code. */
public record Violation(String field, String message) {}
