package org.suggestionbox.router.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.suggestionbox.events.ReminderPoint;

/**
 * The router's settings.
 *
 * @param rulesLocation where the routing rules are read from; none means no rules until an administrator stores
 *        some, so every idea goes to the triage owner (the {@code local} profile names the demo company's rules)
 * @param rulesRefresh how long routing uses the rules an administrator stored before reading them again: another
 *        instance's change reaches this one within it (this instance's own at once)
 * @param triageOwner who gets ideas no rule matches: a person with the OWNER role in the directory, required
 *        ({@code SUGGESTIONBOX_ROUTER_TRIAGEOWNER}; {@code maya} under {@code local})
 * @param deadlines how long an owner has to answer
 * @param outbox how the outbox relay sweeps
 */
@ConfigurationProperties("suggestionbox.router")
public record RouterProperties(
        @Nullable String rulesLocation,
        @DefaultValue("1s") Duration rulesRefresh,
        String triageOwner,
        @DefaultValue Deadlines deadlines,
        @DefaultValue Outbox outbox) {

    public RouterProperties {
        if (triageOwner == null || triageOwner.isBlank()) {
            throw new IllegalArgumentException("suggestionbox.router.triage-owner (SUGGESTIONBOX_ROUTER_TRIAGEOWNER) is"
                    + " not set: name the person who takes the ideas no routing rule matches");
        }
    }

    /**
     * @param defaultDeadline the answer time for a category without its own ({@code default}, P14D)
     * @param categories answer time per category id
     * @param reminders when the owner of an undecided idea is reminded (half-time and one day before)
     * @param escalationExtension how much more time an owner gets once the deadline passed and the idea
     *        was escalated
     * @param watchdogInterval the pause between two runs of the deadline watchdog
     * @param watchdogLockAtMostFor how long a router instance may hold the watchdog lock if it dies
     *        while running
     */
    public record Deadlines(
            @Name("default") @DefaultValue("P14D") Duration defaultDeadline,
            @DefaultValue Map<String, Duration> categories,
            @DefaultValue({"HALF_TIME", "ONE_DAY_BEFORE"}) List<ReminderPoint> reminders,
            @DefaultValue("P3D") Duration escalationExtension,
            @DefaultValue("1m") Duration watchdogInterval,
            @DefaultValue("10m") Duration watchdogLockAtMostFor) {

        public Duration forCategory(String category) {
            return categories.getOrDefault(category.toLowerCase(Locale.ROOT), defaultDeadline);
        }
    }

    /**
     * @param sweepInterval the pause between sweeps for events left in an outbox
     * @param sweepGrace how old an outbox entry must be before the sweep relays it, so it does not race
     *        the immediate relay that follows every save
     * @param publishTimeout how long to wait for the broker's acknowledgement
     * @param sweepBatch how many ideas one sweep reads at most, oldest waiting event first
     * @param idleSweepInterval the pause after a sweep that found no outbox entry older than {@code sweepGrace}
     *        (the relay keeps up, or the router is idle); a sweep that finds any goes back to {@code sweepInterval}
     * @param removalDelay how long an immediate relay's removal of the events it published waits for the
     *        following relays', to be written with theirs (up to {@code sweepBatch} ideas at once); 0 writes each
     *        at once
     */
    public record Outbox(
            @DefaultValue("500ms") Duration sweepInterval,
            @DefaultValue("10s") Duration sweepGrace,
            @DefaultValue("10s") Duration publishTimeout,
            @DefaultValue("100") int sweepBatch,
            @DefaultValue("5s") Duration idleSweepInterval,
            @DefaultValue("200ms") Duration removalDelay) {}
}
