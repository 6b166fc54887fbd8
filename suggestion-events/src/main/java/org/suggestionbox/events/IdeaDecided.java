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
        @Nullable LocalDate expectedBy)
        implements IdeaLifecycleEvent {

    public static final int SCHEMA_VERSION = 1;

    public IdeaDecided {
        submitters = List.copyOf(submitters);
    }
}
