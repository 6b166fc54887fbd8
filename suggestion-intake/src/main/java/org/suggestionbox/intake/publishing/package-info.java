/**
 * Publishes {@code IdeaSubmitted} on {@code ideas.submitted.v1} and waits for the broker's acknowledgement.
 */
@NullMarked
package org.suggestionbox.intake.publishing;

import org.jspecify.annotations.NullMarked;
