package org.suggestionbox.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An implemented idea reached an impact check ({@code checkpointDays} after it was implemented): the
 * owner is asked to record the benefit measured so far.
 *
 * @param estimated the benefit the owner estimated when the idea was implemented
 */
public record ImpactCheckDue(
        UUID eventId,
        UUID ideaId,
        Instant occurredAt,
        int schemaVersion,
        String title,
        String ownerId,
        int checkpointDays,
        Impact estimated)
        implements IdeaLifecycleEvent {

    public static final int SCHEMA_VERSION = 1;
}
