package org.suggestionbox.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The router gave a new idea its owner.
 *
 * @param submitters everyone who hears the outcome: the submitter and any co-submitters
 * @param ruleId the routing rule that matched
 * @param ruleExplanation why the rule matched, shown to the owner ("routed to you because …")
 * @param answerDueBy the answer deadline
 */
public record IdeaAssigned(
        UUID eventId,
        UUID ideaId,
        Instant occurredAt,
        int schemaVersion,
        String title,
        String category,
        List<Submitter> submitters,
        String ownerId,
        String ownerName,
        String ruleId,
        String ruleExplanation,
        Instant answerDueBy)
        implements IdeaLifecycleEvent {

    public static final int SCHEMA_VERSION = 1;

    public IdeaAssigned {
        submitters = List.copyOf(submitters);
    }
}
