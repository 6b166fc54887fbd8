package org.suggestionbox.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The owner decided: explore (with {@code nextStep} and {@code expectedBy}) or decline (with
 * {@code reasonCode}). {@code explanation} is the owner's own words to the submitter.
 * {@code supporterIds} are the directory ids of colleagues who said "me too"; they hear the outcome.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdeaDecided(
        UUID eventId,
        UUID ideaId,
        Instant occurredAt,
        int schemaVersion,
        String title,
        List<Submitter> submitters,
        String ownerId,
        String ownerName,
        DecisionOutcome outcome,
        @Nullable DeclineReason reasonCode,
        String explanation,
        @Nullable String nextStep,
        @Nullable LocalDate expectedBy,
        List<String> supporterIds)
        implements IdeaLifecycleEvent {

    public static final int SCHEMA_VERSION = 1;

    public IdeaDecided {
        submitters = List.copyOf(submitters);
        supporterIds = supporterIds == null ? List.of() : List.copyOf(supporterIds);
    }

    /** A decision on an idea nobody supports. */
    public IdeaDecided(
            UUID eventId,
            UUID ideaId,
            Instant occurredAt,
            int schemaVersion,
            String title,
            List<Submitter> submitters,
            String ownerId,
            String ownerName,
            DecisionOutcome outcome,
            @Nullable DeclineReason reasonCode,
            String explanation,
            @Nullable String nextStep,
            @Nullable LocalDate expectedBy) {
        this(
                eventId,
                ideaId,
                occurredAt,
                schemaVersion,
                title,
                submitters,
                ownerId,
                ownerName,
                outcome,
                reasonCode,
                explanation,
                nextStep,
                expectedBy,
                List.of());
    }
}
