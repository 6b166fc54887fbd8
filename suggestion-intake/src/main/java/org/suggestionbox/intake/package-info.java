/**
 * Intake: every door an idea comes through, turning each into exactly one {@code IdeaSubmitted} event or a clear refusal.
 */
@NullMarked
package org.suggestionbox.intake;

import org.jspecify.annotations.NullMarked;
