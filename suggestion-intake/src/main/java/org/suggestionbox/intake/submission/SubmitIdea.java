package org.suggestionbox.intake.submission;

import org.jspecify.annotations.Nullable;
import org.suggestionbox.events.SubmissionChannel;

/**
 * A signed-in person asks to submit an idea.
 *
 * @param personId the directory id of the submitter (also for anonymous ideas: it is sealed, never
 *        published in clear)
 * @param idempotencyKey the client's key for this submission; the same key from the same person
 *        yields the same idea and publishes nothing new
 */
public record SubmitIdea(
        String personId,
        IdeaDraft draft,
        SubmissionChannel channel,
        @Nullable String idempotencyKey) {}
