package org.suggestionbox.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An employee's idea was accepted by intake.
 *
 * @param category a configured category id, e.g. {@code customer-experience}
 * @param department the submitter's department, kept for participation figures and routing; for an
 *        anonymous idea only when the department is large enough that it names a group, not a person
 *        ({@code suggestionbox.anonymity.min-department-size}), otherwise absent
 * @param locale the submitter's language tag, e.g. {@code he}; for an anonymous idea absent together
 *        with the department
 * @param coSubmitterIds directory ids of people who share the idea and hear its outcome too
 * @param trackingTokenHash for an anonymous idea, the SHA-256 (hex) of its private tracking link's
 *        token; the token itself travels only inside the sealed identity
 * @param visibility who may see the idea as the submitter chose it; absent on events from before
 *        there was a choice, which stay private ({@link Visibility#of})
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
        @Nullable String locale,
        List<String> coSubmitterIds,
        @Nullable String trackingTokenHash,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Visibility visibility)
        implements IdeaSubmission {

    public static final int SCHEMA_VERSION = 1;

    public IdeaSubmitted {
        coSubmitterIds = List.copyOf(coSubmitterIds);
    }

    /** An idea as submitted before visibility could be chosen. */
    public IdeaSubmitted(
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
            @Nullable String locale,
            List<String> coSubmitterIds,
            @Nullable String trackingTokenHash) {
        this(
                eventId,
                ideaId,
                occurredAt,
                schemaVersion,
                title,
                description,
                category,
                channel,
                submitter,
                department,
                locale,
                coSubmitterIds,
                trackingTokenHash,
                null);
    }

    /** The visibility the idea has, {@link Visibility#of resolved} for old events and anonymity. */
    public Visibility effectiveVisibility() {
        return Visibility.of(visibility, submitter.isAnonymous());
    }

    /** An idea without a tracking link (named ideas, and events from before there were links). */
    public IdeaSubmitted(
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
            @Nullable String locale,
            List<String> coSubmitterIds) {
        this(
                eventId,
                ideaId,
                occurredAt,
                schemaVersion,
                title,
                description,
                category,
                channel,
                submitter,
                department,
                locale,
                coSubmitterIds,
                null,
                null);
    }
}
