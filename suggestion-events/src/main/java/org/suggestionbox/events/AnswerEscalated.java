package org.suggestionbox.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer deadline passed: the idea is escalated to the owner's manager (or triage), and the
 * submitters learn by when to expect an answer now.
 */
public record AnswerEscalated(
        UUID eventId,
        UUID ideaId,
        Instant occurredAt,
        int schemaVersion,
        String title,
        List<Submitter> submitters,
        String ownerId,
        String escalatedToId,
        Instant missedDeadline,
        Instant newAnswerDueBy)
        implements IdeaLifecycleEvent {

    public static final int SCHEMA_VERSION = 1;

    public AnswerEscalated {
        submitters = List.copyOf(submitters);
    }
}
