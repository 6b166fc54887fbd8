package org.suggestionbox.router.decision;

import org.jspecify.annotations.Nullable;
import org.suggestionbox.router.idea.ImpactDraft;

/**
 * A measured benefit of an implemented idea: {@code summary}, {@code amount} (a decimal) and
 * {@code unit}, and the impact check it answers ({@code checkpointDays}, e.g. 30), or none.
 */
public record ImpactRequest(
        @Nullable String summary,
        @Nullable String amount,
        @Nullable String unit,
        @Nullable Integer checkpointDays) {

    ImpactDraft draft() {
        return new ImpactDraft(summary, amount, unit);
    }
}
