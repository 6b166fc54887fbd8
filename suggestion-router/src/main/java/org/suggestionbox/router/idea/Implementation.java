package org.suggestionbox.router.idea;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.events.Impact;

/**
 * What an implemented idea changed and how that was followed up: the benefit estimated when it was
 * implemented, the owner's thanks, which impact checks were asked, and every benefit measured since
 * (all kept, oldest first, at most {@link #MAX_MEASUREMENTS}).
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

    /**
     * The most measured benefits an idea keeps: the impact checks (two by default) and corrections. Each
     * keeps a summary of up to {@link TextLimits#TEXT} characters, and its history entry another.
     */
    public static final int MAX_MEASUREMENTS = 10;

    public Implementation {
        checksAsked = List.copyOf(checksAsked);
        measurements = List.copyOf(measurements);
    }

    /** This implementation with {@code checkpoints} asked too. */
    Implementation asked(List<Integer> checkpoints) {
        List<Integer> all = new ArrayList<>(checksAsked);
        all.addAll(checkpoints);
        return new Implementation(estimated, thankYouNote, implementedAt, all, measurements);
    }

    /** This implementation with {@code measurement} as the latest. */
    Implementation measured(Measurement measurement) {
        List<Measurement> all = new ArrayList<>(measurements);
        all.add(measurement);
        return new Implementation(estimated, thankYouNote, implementedAt, checksAsked, all);
    }

    /** The latest measurement, if any. */
    public @Nullable Measurement latest() {
        return measurements.isEmpty() ? null : measurements.getLast();
    }
}
