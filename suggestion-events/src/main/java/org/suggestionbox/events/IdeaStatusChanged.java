package org.suggestionbox.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An explored idea moved on: in progress, implemented (the note describes its impact) or shelved
 * (the note says why).
 *
 * @param supporterIds directory ids of colleagues who said "me too"; they hear the outcome
 * @param impact for {@link ProgressStatus#IMPLEMENTED}, what changed and the estimated benefit
 * @param thankYouNote for {@link ProgressStatus#IMPLEMENTED}, the owner's thanks to the submitters
 * @param visibility who may see the idea; the monthly "You said, we did" digest lists only ideas
 *        colleagues may see. Absent on events from before visibility existed (private)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdeaStatusChanged(
        UUID eventId,
        UUID ideaId,
        Instant occurredAt,
        int schemaVersion,
        String title,
        List<Submitter> submitters,
        String ownerId,
        ProgressStatus status,
        String note,
        List<String> supporterIds,
        @Nullable Impact impact,
        @Nullable String thankYouNote,
        @Nullable Visibility visibility)
        implements IdeaLifecycleEvent {

    public static final int SCHEMA_VERSION = 1;

    public IdeaStatusChanged {
        submitters = List.copyOf(submitters);
        supporterIds = supporterIds == null ? List.of() : List.copyOf(supporterIds);
    }

    /** A change of a private idea nobody supports, without impact or thanks. */
    public IdeaStatusChanged(
            UUID eventId,
            UUID ideaId,
            Instant occurredAt,
            int schemaVersion,
            String title,
            List<Submitter> submitters,
            String ownerId,
            ProgressStatus status,
            String note) {
        this(
                eventId,
                ideaId,
                occurredAt,
                schemaVersion,
                title,
                submitters,
                ownerId,
                status,
                note,
                List.of(),
                null,
                null,
                null);
    }
}
