package org.suggestionbox.router.idea;

import java.time.Instant;
import org.suggestionbox.events.Impact;

/**
 * A benefit the owner measured on an implemented idea.
 *
 * @param checkpointDays the impact check it answers (e.g. 30 or 90), 0 when recorded unasked
 */
public record Measurement(Impact measured, int checkpointDays, String by, Instant measuredAt) {}
