package org.suggestionbox.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An idea moved to another owner; its state stays, its deadline moves. */
public record IdeaReassigned(
        UUID eventId,
        UUID ideaId,
        Instant occurredAt,
        int schemaVersion,
        String title,
        List<Submitter> submitters,
        String previousOwnerId,
        String ownerId,
        String ownerName,
        String note,
        Instant answerDueBy)
        implements IdeaLifecycleEvent {

    public static final int SCHEMA_VERSION = 1;

    public IdeaReassigned {
        submitters = List.copyOf(submitters);
    }
}
