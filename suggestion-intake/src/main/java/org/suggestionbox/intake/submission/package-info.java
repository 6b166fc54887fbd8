/**
 * Submitting an idea: the validation rules, the {@link org.suggestionbox.intake.submission.SubmitIdea} command and the {@link org.suggestionbox.intake.submission.IdeaIntake} service that seals anonymous submitters, de-duplicates retries and publishes.
 */
@NullMarked
package org.suggestionbox.intake.submission;

import org.jspecify.annotations.NullMarked;
