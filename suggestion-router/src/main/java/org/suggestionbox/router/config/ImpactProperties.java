package org.suggestionbox.router.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.suggestionbox.router.idea.ImpactRules;

/**
 * What an implemented idea's benefit may be measured in, and when it is checked.
 *
 * @param units the benefit unit ids owners choose from, in this order; each needs a label
 *        {@code impact.unit.<id>} in the messages of every language
 * @param checkpoints how long after its implementation the owner is asked for the measured benefit,
 *        in whole days ({@code 30d}, {@code 90d})
 */
@ConfigurationProperties("suggestionbox.impact")
public record ImpactProperties(
        @DefaultValue({"hours-saved-per-month", "money-per-year", "csat-points", "incidents-avoided"})
        List<String> units,

        @DefaultValue({"30d", "90d"}) List<Duration> checkpoints) {

    public ImpactProperties {
        units = List.copyOf(units);
        checkpoints = List.copyOf(checkpoints);
        for (Duration checkpoint : checkpoints) {
            if (checkpoint.toDays() < 1 || !checkpoint.equals(Duration.ofDays(checkpoint.toDays()))) {
                throw new IllegalArgumentException(
                        "suggestionbox.impact.checkpoints are whole days, e.g. 30d: " + checkpoint);
            }
        }
    }

    /** The rules the aggregate applies. */
    public ImpactRules rules() {
        return new ImpactRules(
                units, checkpoints.stream().map(days -> (int) days.toDays()).toList());
    }
}
