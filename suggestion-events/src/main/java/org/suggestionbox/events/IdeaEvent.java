package org.suggestionbox.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What every event carries. Events are immutable records named in the past tense.
 */
public interface IdeaEvent {

    /** Unique id of this event; deterministic where a retry could re-create the event. */
    UUID eventId();

    /** The idea the event is about; also the Kafka record key. */
    UUID ideaId();

    Instant occurredAt();

    int schemaVersion();

    /** The CloudEvents {@code type}, e.g. {@code org.suggestionbox.IdeaSubmitted.v1}. */
    default String cloudEventType() {
        return "org.suggestionbox." + getClass().getSimpleName() + ".v" + schemaVersion();
    }
}
