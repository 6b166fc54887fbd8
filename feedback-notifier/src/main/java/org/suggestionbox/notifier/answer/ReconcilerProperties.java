package org.suggestionbox.notifier.answer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The proof-of-answer reconciler.
 *
 * @param interval the pause between two runs (one instance of the cluster runs at a time)
 * @param initialDelay the pause before the first run after start-up
 * @param grace how long after the notifier saw a decision it must have been delivered to its submitters
 * @param batch how many decisions one run looks at
 */
@ConfigurationProperties("suggestionbox.notifier.reconciler")
record ReconcilerProperties(
        @DefaultValue("1m") Duration interval,
        @DefaultValue("1m") Duration initialDelay,
        @DefaultValue("10m") Duration grace,
        @DefaultValue("500") int batch) {}
