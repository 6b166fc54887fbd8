package org.suggestionbox.router.deadline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.suggestionbox.events.AnswerEscalated;
import org.suggestionbox.events.AnswerReminderDue;
import org.suggestionbox.events.ImpactCheckDue;
import org.suggestionbox.events.ReminderPoint;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.platform.kafka.InfrastructureFailures;
import org.suggestionbox.router.config.ImpactProperties;
import org.suggestionbox.router.config.RouterProperties;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.idea.ImpactRules;
import org.suggestionbox.router.lifecycle.Ideas;
import org.suggestionbox.router.storage.IdeaStore;

/**
 * One pass over the undecided ideas whose deadline is near or past: reminds the owner at the
 * configured points, escalates a missed deadline to the owner's manager (or triage); and over the
 * implemented ideas whose impact check (30 and 90 days on) has come, asking the owner for the
 * measured benefit. Each change is
 * one guarded document write with its event in the outbox, so a pass that runs twice — or on two
 * instances despite the lock — still makes each reminder and each escalation once: the second write
 * either finds the reminder recorded or fails on the version and skips the idea.
 * <p>
 * Each idea is checked on its own: whatever fails for one (its save, the directory, the aggregate) is
 * logged with the idea's id and counted in {@code ideas.deadline.failed}, and the pass goes on with the
 * others; the next pass tries that idea again. One idea that cannot be saved never holds back the
 * reminders, escalations and impact checks of every idea after it. An outage (MongoDB away) is no failure
 * of one idea: it ends the pass at once rather than waiting it out idea by idea while the pass holds the lock.
 */
@Service
public class DeadlineService {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineService.class);

    private final IdeaStore store;
    private final Ideas ideas;
    private final Directory directory;
    private final RouterProperties properties;
    private final ImpactProperties impact;
    private final Clock clock;
    private final Counter breached;
    private final Counter deadlineFailed;
    private final Counter impactFailed;
    private final MeterRegistry registry;

    DeadlineService(
            IdeaStore store,
            Ideas ideas,
            Directory directory,
            RouterProperties properties,
            ImpactProperties impact,
            Clock clock,
            MeterRegistry registry) {
        this.store = store;
        this.ideas = ideas;
        this.directory = directory;
        this.properties = properties;
        this.impact = impact;
        this.clock = clock;
        this.registry = registry;
        this.breached = Counter.builder("ideas.deadline.breached")
                .description("Answer deadlines missed and escalated")
                .register(registry);
        this.deadlineFailed = failures(registry, "DEADLINE");
        this.impactFailed = failures(registry, "IMPACT");
    }

    private static Counter failures(MeterRegistry registry, String check) {
        return Counter.builder("ideas.deadline.failed")
                .description("Ideas a deadline watchdog pass could not check; the next pass tries them again")
                .tag("check", check)
                .register(registry);
    }

    /**
     * Checks every idea that may be due for a reminder, an escalation or an impact check; returns how
     * many changed.
     */
    public int checkOnce() {
        return checkDeadlines() + checkImpact();
    }

    /**
     * Asks the owner of each implemented idea that reached an impact check (30 and 90 days after its
     * implementation, as configured) for the measured benefit: {@code ImpactCheckDue}, once per
     * checkpoint — the idea remembers the checks asked and the event id is derived from the checkpoint.
     */
    int checkImpact() {
        Instant now = clock.instant();
        ImpactRules rules = impact.rules();
        int changed = 0;
        try (Stream<Idea> candidates = store.streamImpactChecksDue(now, rules.checkpointDays())) {
            for (Idea idea : (Iterable<Idea>) candidates::iterator) {
                try {
                    AtomicReference<@Nullable ImpactCheckDue> asked = new AtomicReference<>();
                    if (ideas.changeIf(idea, due -> {
                        Optional<ImpactCheckDue> check = due.impactCheckIfDue(rules, clock);
                        check.ifPresent(asked::set);
                        return check.isPresent();
                    })) {
                        ImpactCheckDue check = Objects.requireNonNull(asked.get());
                        registry.counter("ideas.impact.checks").increment();
                        LOG.info(
                                "Idea {}: impact check at {} days asked of {}",
                                idea.id(),
                                check.checkpointDays(),
                                check.ownerId());
                        changed++;
                    }
                } catch (OptimisticLockingFailureException ex) {
                    LOG.debug("Idea {} changed meanwhile; the next pass looks at it again", idea.id());
                } catch (RuntimeException ex) {
                    failedOrOutage(idea, "impact check", ex, impactFailed);
                }
            }
        }
        return changed;
    }

    private int checkDeadlines() {
        Instant now = clock.instant();
        int changed = 0;
        try (Stream<Idea> candidates = store.streamUndecidedDueBefore(now.plus(longestLead()))) {
            for (Idea idea : (Iterable<Idea>) candidates::iterator) {
                try {
                    if (check(idea, now)) {
                        changed++;
                    }
                } catch (OptimisticLockingFailureException ex) {
                    LOG.debug("Idea {} changed meanwhile; the next pass looks at it again", idea.id());
                } catch (RuntimeException ex) {
                    failedOrOutage(idea, "deadline check", ex, deadlineFailed);
                }
            }
        }
        return changed;
    }

    /**
     * Logs a failure of one idea's check by the idea's id and the exception's type only: a message may quote
     * the document (a title, a note, a person), which stays out of the log.
     */
    private static void failedOrOutage(Idea idea, String what, RuntimeException ex, Counter counter) {
        if (InfrastructureFailures.isInfrastructureFailure(ex)) {
            throw ex;
        }
        counter.increment();
        LOG.warn(
                "Idea {}: {} failed ({}); the pass goes on with the other ideas, the next pass tries it again",
                idea.id(),
                what,
                ex.getClass().getName());
    }

    private boolean check(Idea idea, Instant now) {
        if (idea.isOverdue(now)) {
            AnswerEscalated escalated = ideas.change(
                    idea,
                    overdue -> overdue.escalate(
                            escalationTarget(overdue), properties.deadlines().escalationExtension(), clock));
            breached.increment();
            LOG.info(
                    "Idea {} missed its deadline {}; escalated to {}, new deadline {}",
                    idea.id(),
                    escalated.missedDeadline(),
                    escalated.escalatedToId(),
                    escalated.newAnswerDueBy());
            return true;
        }
        AtomicReference<@Nullable AnswerReminderDue> reminded = new AtomicReference<>();
        if (!ideas.changeIf(idea, due -> {
            Optional<AnswerReminderDue> reminder =
                    due.remindIfDue(properties.deadlines().reminders(), clock);
            reminder.ifPresent(reminded::set);
            return reminder.isPresent();
        })) {
            return false;
        }
        AnswerReminderDue reminder = Objects.requireNonNull(reminded.get());
        registry.counter("ideas.deadline.reminded", "point", reminder.reminder().name())
                .increment();
        LOG.info("Idea {}: {} reminder for {}", idea.id(), reminder.reminder(), reminder.ownerId());
        return true;
    }

    /** The owner's manager from the directory; the triage owner when there is none. */
    String escalationTarget(Idea idea) {
        String ownerId = idea.ownerId();
        return (ownerId == null ? Optional.<Person>empty() : directory.find(ownerId))
                .map(Person::managerId)
                .filter(managerId -> managerId != null && !managerId.isBlank())
                .filter(managerId -> directory.find(managerId).isPresent())
                .orElse(properties.triageOwner());
    }

    /**
     * How far ahead of a deadline the earliest reminder can come: half of the longest answer time for
     * half-time, one day for the day before. Ideas due later cannot need anything yet.
     */
    private Duration longestLead() {
        RouterProperties.Deadlines deadlines = properties.deadlines();
        Duration longest = Stream.concat(
                        Stream.of(deadlines.defaultDeadline(), deadlines.escalationExtension()),
                        deadlines.categories().values().stream())
                .max(Duration::compareTo)
                .orElseThrow();
        Duration lead = Duration.ZERO;
        for (ReminderPoint point : deadlines.reminders()) {
            Duration pointLead = switch (point) {
                case HALF_TIME -> longest.dividedBy(2);
                case ONE_DAY_BEFORE -> Duration.ofDays(1);
            };
            lead = pointLead.compareTo(lead) > 0 ? pointLead : lead;
        }
        return lead.plus(Duration.ofMinutes(1));
    }
}
