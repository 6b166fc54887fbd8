package org.suggestionbox.intake.submission;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.suggestionbox.events.SubmissionChannel;

/**
 * Idea flow at the door. Tags are bounded: channel and reason are enums, category is a configured
 * id (validated before it is counted). Never a person or idea id.
 * <ul>
 * <li>{@code ideas.submitted} (channel, category): ideas the broker acknowledged. Deliberately no
 * {@code anonymous} tag: a counter that steps as an anonymous idea arrives would tell a watcher who sent it.</li>
 * <li>{@code ideas.refused} (channel, reason): submissions refused</li>
 * <li>{@code intake.latency} (channel, outcome): time from request to answer</li>
 * </ul>
 */
@org.springframework.stereotype.Component
public class IntakeMetrics {

    private final MeterRegistry registry;

    public IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void submitted(SubmissionChannel channel, String category) {
        Counter.builder("ideas.submitted")
                .description("Ideas accepted by intake and acknowledged by the broker")
                .tag("channel", channel.name())
                .tag("category", category)
                .register(registry)
                .increment();
    }

    public void refused(SubmissionChannel channel, RefusalReason reason) {
        Counter.builder("ideas.refused")
                .description("Submissions intake refused")
                .tag("channel", channel.name())
                .tag("reason", reason.name())
                .register(registry)
                .increment();
    }

    Timer.Sample start() {
        return Timer.start(registry);
    }

    void stop(Timer.Sample sample, SubmissionChannel channel, boolean accepted) {
        sample.stop(Timer.builder("intake.latency")
                .description("Time from a submission's arrival to intake's answer")
                .tag("channel", channel.name())
                .tag("outcome", accepted ? "ACCEPTED" : "REFUSED")
                .register(registry));
    }
}
