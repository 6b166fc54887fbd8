package org.suggestionbox.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An employee's idea was accepted by intake.
 *
 * @param category a configured category id, e.g. {@code customer-experience}
 * @param department the submitter's department, kept for participation figures (also for
 *        anonymous ideas; it names a group, not a person)
 * @param locale the submitter's language tag, e.g. {@code he}
 * @param coSubmitterIds directory ids of people who share the idea and hear its outcome too
 */
public record IdeaSubmitted(
        UUID eventId,
        UUID ideaId,
        Instant occurredAt,
        int schemaVersion,
        String title,
        String description,
        String category,
        SubmissionChannel channel,
        Submitter submitter,
        @Nullable String department,
        String locale,
        List<String> coSubmitterIds) implements IdeaSubmission {

    public static final int SCHEMA_VERSION = 1;

    public IdeaSubmitted {
        coSubmitterIds = List.copyOf(coSubmitterIds);
    }
}
