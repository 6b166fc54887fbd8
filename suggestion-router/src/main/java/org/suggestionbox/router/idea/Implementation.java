package org.suggestionbox.router.idea;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.events.Impact;

/**
 * What an implemented idea changed and how that was followed up: the benefit estimated when it was
 * implemented, the owner's thanks, which impact checks were asked, and every benefit measured since
 * (all kept, oldest first).
 *
 * @param estimated null only for ideas implemented before impact was asked for
 * @param checksAsked the checkpoints (days after {@code implementedAt}) the owner was asked about
 */
public record Implementation(
        @Nullable Impact estimated,
        @Nullable String thankYouNote,
        Instant implementedAt,
        List<Integer> checksAsked,
        List<Measurement> measurements) {

    public Implementation {
        checksAsked = List.copyOf(checksAsked);
        measurements = List.copyOf(measurements);
    }

    /** The latest measurement, if any. */
    public @Nullable Measurement latest() {
        return measurements.isEmpty() ? null : measurements.getLast();
    }
}
