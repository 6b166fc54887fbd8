package org.suggestionbox.router.idea;

import org.suggestionbox.events.ProgressStatus;

/** Where work on an explored idea stands, with the owner's note: the impact, or why it was shelved. */
public record Progress(ProgressStatus status, String note) {}
