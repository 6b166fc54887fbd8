package org.suggestionbox.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An idea was merged into an earlier one; its submitters now follow the original. */
public record IdeaMergedAsDuplicate(
        UUID eventId,
        UUID ideaId,
        Instant occurredAt,
        int schemaVersion,
        String title,
        List<Submitter> submitters,
        String ownerId,
        UUID originalIdeaId,
        String originalTitle)
        implements IdeaLifecycleEvent {

    public static final int SCHEMA_VERSION = 1;

    public IdeaMergedAsDuplicate {
        submitters = List.copyOf(submitters);
    }
}
