package org.suggestionbox.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The owner recorded the benefit an implemented idea measurably brought. Submitters, co-submitters
 * and supporters hear it ("your idea saves the team about 40 hours a month").
 *
 * @param checkpointDays the impact check this answers (30 or 90), or 0 when recorded unasked
 * @param estimated what was estimated when the idea was implemented
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdeaImpactMeasured(
        UUID eventId,
        UUID ideaId,
        Instant occurredAt,
        int schemaVersion,
        String title,
        List<Submitter> submitters,
        List<String> supporterIds,
        String ownerId,
        int checkpointDays,
        Impact measured,
        @Nullable Impact estimated,
        @Nullable Visibility visibility)
        implements IdeaLifecycleEvent {

    public static final int SCHEMA_VERSION = 1;

    public IdeaImpactMeasured {
        submitters = List.copyOf(submitters);
        supporterIds = supporterIds == null ? List.of() : List.copyOf(supporterIds);
    }
}
