package org.suggestionbox.router.queue;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.suggestionbox.router.idea.IdeaState;
import org.suggestionbox.router.storage.IdeaStore;

/**
 * Queue sizes for operators: open ideas per state and undecided ideas past their deadline, across
 * all owners (never per person). Read from the state index when Prometheus scrapes.
 */
@Component
class QueueMetrics {

    QueueMetrics(IdeaStore store, Clock clock, MeterRegistry registry) {
        for (IdeaState state : IdeaState.OPEN) {
            Gauge.builder("ideas.open", store, ideas -> ideas.countInState(state))
                    .description("Ideas an owner still works on, by state")
                    .tag("state", state.name())
                    .register(registry);
        }
        Gauge.builder("ideas.overdue", store, ideas -> ideas.countOverdue(clock.instant()))
                .description("Undecided ideas past their answer deadline")
                .register(registry);
    }
}
