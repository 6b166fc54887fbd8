/**
 * What the chat doors (Slack, Microsoft Teams) share: turning a chat message into an idea draft,
 * submitting it through {@link org.suggestionbox.intake.submission.IdeaIntake} and answering in the
 * person's language; the raw request body that the doors' signatures are computed over.
 */
@NullMarked
package org.suggestionbox.intake.chat;

import org.jspecify.annotations.NullMarked;
