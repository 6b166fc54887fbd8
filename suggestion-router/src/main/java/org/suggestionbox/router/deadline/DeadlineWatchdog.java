package org.suggestionbox.router.deadline;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the deadline check on a schedule, on one router instance at a time: the ShedLock lock
 * {@value #LOCK} lives in MongoDB, and an instance that finds it taken skips the run.
 */
@Component
public class DeadlineWatchdog {

    static final String LOCK = "deadline-watchdog";
    private static final Logger LOG = LoggerFactory.getLogger(DeadlineWatchdog.class);

    private final DeadlineService deadlines;

    DeadlineWatchdog(DeadlineService deadlines) {
        this.deadlines = deadlines;
    }

    @Scheduled(
            fixedDelayString = "${suggestionbox.router.deadlines.watchdog-interval:1m}",
            initialDelayString = "${suggestionbox.router.deadlines.watchdog-interval:1m}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "${suggestionbox.router.deadlines.watchdog-lock-at-most-for:10m}")
    public void run() {
        try {
            int changed = deadlines.checkOnce();
            if (changed > 0) {
                LOG.info("Deadline watchdog reminded, escalated or asked for the impact of {} ideas", changed);
            }
        } catch (RuntimeException ex) {
            LOG.warn("Deadline watchdog run failed, the next run retries: {}", ex.getMessage());
        }
    }
}
