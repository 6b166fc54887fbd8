package org.suggestionbox.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.suggestionbox.events.EventIds;
import org.suggestionbox.router.deadline.DeadlineService;
import org.suggestionbox.router.deadline.DeadlineWatchdog;
import org.suggestionbox.router.storage.IdeaStore;
import org.suggestionbox.router.support.MutableClock;
import org.suggestionbox.router.support.RouterFixture;
import org.suggestionbox.router.support.RouterFlowTest;
import org.suggestionbox.router.support.RouterIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Answer deadlines with a moved clock: reminders at half-time and one day before, each once; on
 * breach an escalation to the owner's manager with a new deadline; and with two watchdogs at once,
 * one set of events.
 */
@RouterIntegrationTest
class DeadlineWatchdogIntegrationTests extends RouterFlowTest {

    private static final String REMINDER_TYPE = "org.suggestionbox.AnswerReminderDue.v1";
    private static final String ESCALATED_TYPE = "org.suggestionbox.AnswerEscalated.v1";
    private static final String ASSIGNED_TYPE = "org.suggestionbox.IdeaAssigned.v1";
    private static final String REASSIGNED_TYPE = "org.suggestionbox.IdeaReassigned.v1";

    @Autowired
    MutableClock clock;

    @Autowired
    DeadlineService deadlines;

    @Autowired
    DeadlineWatchdog watchdog;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theOwnerIsRemindedAtHalfTimeAndOneDayBeforeEachOnceThenTheManagerIsAskedToStepIn() {
        // given maya's idea (customer experience, 14 days) and jan's (operations), both managed by lea
        UUID mayas = router.submit("customer-experience", "alice", "Reminders for maya");
        UUID jans = router.submit("operations", "piotr", "Reminders for jan");
        Instant dueBy =
                Instant.parse(router.awaitIdea("maya", mayas).get("answerDueBy").asString());
        Instant jansDueBy =
                Instant.parse(router.awaitIdea("jan", jans).get("answerDueBy").asString());
        Instant assignedAt = dueBy.minus(Duration.ofDays(14));

        // just before half-time: nothing
        clock.setTo(assignedAt.plus(Duration.ofDays(7)).minus(Duration.ofMinutes(5)));
        deadlines.checkOnce();
        assertThat(raw(mayas).getList("remindersSent", Document.class)).isNullOrEmpty();

        // half-time: one reminder, however often the watchdog looks
        clock.setTo(assignedAt.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(1)));
        deadlines.checkOnce();
        deadlines.checkOnce();
        List<ConsumerRecord<String, byte[]>> halfTime = RouterFixture.lifecycle(mayas, REMINDER_TYPE, 1, WAIT);
        JsonNode reminder = json.readTree(halfTime.getFirst().value());
        assertThat(reminder.get("reminder").asString()).isEqualTo("HALF_TIME");
        assertThat(reminder.get("ownerId").asString()).isEqualTo("maya");
        assertThat(Instant.parse(reminder.get("answerDueBy").asString())).isEqualTo(dueBy);
        assertThat(reminder.get("eventId").asString())
                .isEqualTo(EventIds.derive(mayas, "AnswerReminderDue", "HALF_TIME", dueBy)
                        .toString());

        // one day before
        clock.setTo(dueBy.minus(Duration.ofDays(1)).plus(Duration.ofMinutes(1)));
        deadlines.checkOnce();
        deadlines.checkOnce();
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(RouterFixture.lifecycle(mayas, REMINDER_TYPE, 2, WAIT))
                        .extracting(record ->
                                json.readTree(record.value()).get("reminder").asString())
                        .containsExactly("HALF_TIME", "ONE_DAY_BEFORE"));

        // the deadline passes: escalated to lea, a new deadline three days on, the owner stays
        Instant breachedAt = dueBy.plus(Duration.ofMinutes(1));
        clock.setTo(breachedAt);
        deadlines.checkOnce();
        deadlines.checkOnce();
        JsonNode escalated = json.readTree(RouterFixture.lifecycle(mayas, ESCALATED_TYPE, 1, WAIT)
                .getFirst()
                .value());
        assertThat(escalated.get("ownerId").asString()).isEqualTo("maya");
        assertThat(escalated.get("escalatedToId").asString()).isEqualTo("lea");
        assertThat(Instant.parse(escalated.get("missedDeadline").asString())).isEqualTo(dueBy);
        Instant newDueBy = Instant.parse(escalated.get("newAnswerDueBy").asString());
        assertThat(newDueBy)
                .isBetween(
                        breachedAt.plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MILLIS),
                        breachedAt.plus(Duration.ofDays(3)).plus(Duration.ofMinutes(1)));
        assertThat(escalated.get("submitters").get(0).get("personId").asString())
                .isEqualTo("alice");
        assertThat(escalated.get("eventId").asString())
                .isEqualTo(EventIds.derive(mayas, "AnswerEscalated", dueBy).toString());

        JsonNode idea = router.awaitIdea("maya", mayas);
        assertThat(idea.get("owner").get("id").asString()).isEqualTo("maya");
        assertThat(Instant.parse(idea.get("answerDueBy").asString())).isEqualTo(newDueBy);
        assertThat(idea.get("history").findValuesAsString("what"))
                .containsExactly("SUBMITTED", "ASSIGNED", "ESCALATED");
        assertThat(raw(mayas).getList("watchers", String.class)).containsExactly("lea");

        // jan's idea was escalated to his manager too
        JsonNode jansEscalation = json.readTree(RouterFixture.lifecycle(jans, ESCALATED_TYPE, 1, WAIT)
                .getFirst()
                .value());
        assertThat(jansEscalation.get("ownerId").asString()).isEqualTo("jan");
        assertThat(jansEscalation.get("escalatedToId").asString()).isEqualTo("lea");
        assertThat(Instant.parse(jansEscalation.get("missedDeadline").asString()))
                .isEqualTo(jansDueBy);

        // exactly two reminders and one escalation each, nothing more: read up to a later event of each idea
        assertThat(router.typesBeforeSentinel(mayas, "maya", "jan"))
                .containsExactly(ASSIGNED_TYPE, REMINDER_TYPE, REMINDER_TYPE, ESCALATED_TYPE);
        assertThat(router.typesBeforeSentinel(jans, "jan", "maya"))
                .filteredOn(ESCALATED_TYPE::equals)
                .hasSize(1);
        clock.reset();
        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(http.get("jan", "/actuator/prometheus").body())
                                .containsPattern("ideas_deadline_breached_total\\{[^}]*\\} [1-9]"));
    }

    @Test
    void twoWatchdogsRunningAtOnceMakeOneSetOfEvents() throws Exception {
        UUID ideaId = router.submit("customer-experience", "noa", "Two watchdogs");
        Instant dueBy = Instant.parse(
                router.awaitIdea("maya", ideaId).get("answerDueBy").asString());
        clock.setTo(dueBy.plus(Duration.ofMinutes(1)));

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    watchdog.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // a run skipped because the other held the lock (or the scheduled one did) leaves it to the next
        await().atMost(WAIT).untilAsserted(() -> {
            watchdog.run();
            assertThat(RouterFixture.lifecycle(ideaId, ESCALATED_TYPE, 1, Duration.ofSeconds(2)))
                    .hasSize(1);
        });
        assertThat(router.typesBeforeSentinel(ideaId, "maya", "jan")).containsExactly(ASSIGNED_TYPE, ESCALATED_TYPE);
        assertThat(raw(ideaId).getInteger("escalations")).isEqualTo(1);
    }

    @Test
    void theMongoLockLetsOnlyOneInstanceRunTheWatchdogAtATime() throws Exception {
        // two router instances: each with its own lock provider on the same database
        DefaultLockingTaskExecutor first = new DefaultLockingTaskExecutor(new MongoLockProvider(mongo.getDb()));
        DefaultLockingTaskExecutor second = new DefaultLockingTaskExecutor(new MongoLockProvider(mongo.getDb()));
        String name = "test-lock-" + UUID.randomUUID();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean secondRan = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> firstRun = pool.submit(() -> first.executeWithLock(
                    (Runnable) () -> {
                        holding.countDown();
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException ex) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    lock(name)));
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

            pool.submit(() -> second.executeWithLock((Runnable) () -> secondRan.set(true), lock(name)))
                    .get(30, TimeUnit.SECONDS);
            assertThat(secondRan).isFalse();

            release.countDown();
            firstRun.get(30, TimeUnit.SECONDS);
            pool.submit(() -> second.executeWithLock((Runnable) () -> secondRan.set(true), lock(name)))
                    .get(30, TimeUnit.SECONDS);
            assertThat(secondRan).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    private static LockConfiguration lock(String name) {
        return new LockConfiguration(Instant.now(), name, Duration.ofMinutes(1), Duration.ZERO);
    }

    private Document raw(UUID ideaId) {
        Document document = mongo.findById(ideaId, Document.class, IdeaStore.COLLECTION);
        assertThat(document).isNotNull();
        return document;
    }
}
