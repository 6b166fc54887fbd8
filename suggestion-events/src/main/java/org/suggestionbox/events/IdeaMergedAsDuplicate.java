package org.suggestionbox.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An idea was merged into an earlier one; its submitters (and supporters) now follow the original. */
public record IdeaMergedAsDuplicate(
        UUID eventId,
        UUID ideaId,
        Instant occurredAt,
        int schemaVersion,
        String title,
        List<Submitter> submitters,
        String ownerId,
        UUID originalIdeaId,
        String originalTitle,
        List<String> supporterIds)
        implements IdeaLifecycleEvent {

    public static final int SCHEMA_VERSION = 1;

    public IdeaMergedAsDuplicate {
        submitters = List.copyOf(submitters);
        supporterIds = supporterIds == null ? List.of() : List.copyOf(supporterIds);
    }

    /** A merge of an idea nobody supports. */
    public IdeaMergedAsDuplicate(
            UUID eventId,
            UUID ideaId,
            Instant occurredAt,
            int schemaVersion,
            String title,
            List<Submitter> submitters,
            String ownerId,
            UUID originalIdeaId,
            String originalTitle) {
        this(
                eventId,
                ideaId,
                occurredAt,
                schemaVersion,
                title,
                submitters,
                ownerId,
                originalIdeaId,
                originalTitle,
                List.of());
    }
}
