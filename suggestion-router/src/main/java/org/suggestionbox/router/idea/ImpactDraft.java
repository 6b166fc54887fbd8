package org.suggestionbox.router.idea;

import org.jspecify.annotations.Nullable;

/**
 * An impact as the owner typed it, not yet checked: {@link ImpactRules} says what is wrong with it,
 * the aggregate refuses it with one violation per field or turns it into an
 * {@link org.suggestionbox.events.Impact}. The amount stays text until then, so a mistyped number
 * is a field violation like any other, never a failure of the request as a whole.
 *
 * @param amount a decimal with a dot, e.g. {@code 40} or {@code 1250.50}
 * @param unit a configured benefit unit id, e.g. {@code hours-saved-per-month}
 */
public record ImpactDraft(
        @Nullable String summary,
        @Nullable String amount,
        @Nullable String unit) {}
