package org.suggestionbox.router.idea;

/**
 * Who looks at an idea, as far as the aggregate needs to know: the person's directory id and whether
 * they read every idea (leaders and administrators).
 */
public record Viewer(String personId, boolean readsEverything) {}
