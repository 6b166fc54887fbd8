package org.suggestionbox.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An explored idea moved on: in progress, implemented (the note describes its impact) or shelved
 * (the note says why).
 */
public record IdeaStatusChanged(
        UUID eventId,
        UUID ideaId,
        Instant occurredAt,
        int schemaVersion,
        String title,
        List<Submitter> submitters,
        String ownerId,
        ProgressStatus status,
        String note)
        implements IdeaLifecycleEvent {

    public static final int SCHEMA_VERSION = 1;

    public IdeaStatusChanged {
        submitters = List.copyOf(submitters);
    }
}
