package org.suggestionbox.systemtests;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.suggestionbox.localstack.LocalStack;
import tools.jackson.databind.JsonNode;

/**
 * Scales the router 1 → 3 → 1 and the notifier 1 → 2 → 1 in the middle of a run. While all instances run it
 * submits a few ideas in a category with a short answer deadline that nobody decides, and keeps the
 * instances until each of them was reminded and escalated by the deadline watchdog (ShedLock, one instance
 * at a time); {@link #deadlineEvents()} then counts those events on {@code ideas.lifecycle.v1}.
 */
final class Scaler implements Fault {

    static final String ROUTER = "suggestion-router";

    static final String NOTIFIER = "feedback-notifier";

    /** A category without a routing rule (it goes to the triage owner) that the scripted owners leave alone. */
    static final String DEADLINE_CATEGORY = "workplace";

    private static final String LIFECYCLE = "ideas.lifecycle.v1";

    /**
     * Reminders and escalations of one undecided idea: distinct events (by {@code eventId}), and how many records
     * beyond those the topic holds. The outbox relays at least once: a sweep on another instance republishes an
     * event whose first relay was slower than the sweep's grace, under the same {@code eventId}, and consumers
     * keep one (a second escalation of the same missed deadline is refused by the idea's version, and would
     * have the same id, derived from that deadline, anyway).
     */
    record DeadlineEvents(String ideaId, int reminders, int escalations, int republished) {}

    private final LocalStack stack;

    private final KafkaTopics kafka;

    private final String run;

    private final int deadlineIdeas;

    private final Duration deadline;

    private final Duration after;

    private final FaultLog log = new FaultLog();

    private volatile Collection<IdeaSubmitters.Submission> deadlineSubmissions = List.of();

    /** Where ideas.lifecycle.v1 ended before the deadline ideas were submitted: their events all come after it. */
    private volatile Map<Integer, Long> lifecycleBefore = Map.of();

    Scaler(LocalStack stack, KafkaTopics kafka, String run, int deadlineIdeas, Duration deadline, Duration after) {
        this.stack = stack;
        this.kafka = kafka;
        this.run = run;
        this.deadlineIdeas = deadlineIdeas;
        this.deadline = deadline;
        this.after = after;
    }

    @Override
    public void run() {
        // the moment scaling begins, not a wait for a condition
        LockSupport.parkNanos(this.after.toNanos());
        long started = System.nanoTime();
        try {
            CompletableFuture.allOf(
                            CompletableFuture.runAsync(() -> this.stack.addInstance(ROUTER)),
                            CompletableFuture.runAsync(() -> this.stack.addInstance(ROUTER)),
                            CompletableFuture.runAsync(() -> this.stack.addInstance(NOTIFIER)))
                    .join();
            long scaledUp = System.nanoTime();
            this.log.note("scaled up to routers %s, notifiers %s after %d ms (starting took %d ms)"
                    .formatted(
                            this.stack.instanceUrls(ROUTER),
                            this.stack.instanceUrls(NOTIFIER),
                            this.after.toMillis(),
                            FaultLog.millis(started, scaledUp)));

            this.lifecycleBefore = this.kafka.endOffsets(LIFECYCLE);
            this.deadlineSubmissions = IdeaSubmitters.submit(
                            this.stack.intakeUrl(),
                            this.run + "-deadline",
                            this.deadlineIdeas,
                            2,
                            Duration.ofSeconds(2),
                            List.of(DEADLINE_CATEGORY))
                    .submissions()
                    .values();
            await().atMost(this.deadline.plus(Duration.ofSeconds(90)))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> deadlineEvents().stream().allMatch(events -> events.escalations() > 0));
            this.log.note("%d deadline ideas reminded and escalated %d ms after scaling up"
                    .formatted(this.deadlineIdeas, FaultLog.millis(scaledUp, System.nanoTime())));
        } finally {
            // also when scaling up or the deadlines failed: the next scenario gets the stack it expects
            long stopping = System.nanoTime();
            scaleDown(ROUTER);
            scaleDown(NOTIFIER);
            this.log.note("scaled down to routers %s, notifiers %s (stopping took %d ms)"
                    .formatted(
                            this.stack.instanceUrls(ROUTER),
                            this.stack.instanceUrls(NOTIFIER),
                            FaultLog.millis(stopping, System.nanoTime())));
        }
    }

    /** Stops every instance of {@code module} but the first, last added first. */
    private void scaleDown(String module) {
        for (int instance = this.stack.instanceUrls(module).size(); instance > 1; instance--) {
            this.stack.removeInstance(module, instance);
        }
    }

    /**
     * For each idea of the deadline category: how many reminders and escalations ideas.lifecycle.v1 holds (read
     * from where it ended before they were submitted).
     */
    List<DeadlineEvents> deadlineEvents() {
        Set<String> ids = this.deadlineSubmissions.stream()
                .flatMap(submission -> submission.ideaIds().stream())
                .collect(Collectors.toSet());
        // only what came after the mark: the whole topic holds every earlier scenario's thousands of events
        Map<String, List<JsonNode>> byIdea = this.kafka.readFrom(LIFECYCLE, this.lifecycleBefore).stream()
                .map(Scaler::json)
                .filter(event -> ids.contains(event.path("ideaId").asString()))
                .collect(Collectors.groupingBy(event -> event.path("ideaId").asString()));
        return ids.stream()
                .sorted()
                .map(id -> {
                    List<JsonNode> records = byIdea.getOrDefault(id, List.of());
                    Map<String, Set<String>> types = records.stream()
                            .collect(Collectors.groupingBy(
                                    event -> event.path("type").asString(),
                                    Collectors.mapping(
                                            event -> event.path("eventId").asString(), Collectors.toSet())));
                    int distinct = types.values().stream().mapToInt(Set::size).sum();
                    return new DeadlineEvents(
                            id,
                            types.getOrDefault("AnswerReminderDue", Set.of()).size(),
                            types.getOrDefault("AnswerEscalated", Set.of()).size(),
                            records.size() - distinct);
                })
                .toList();
    }

    /**
     * How often each deadline idea's own history says it was escalated, read from the router as its submitter:
     * the aggregate's count, which a republished event does not change and a second escalation would.
     */
    Map<String, Long> escalationsInHistory() {
        Map<String, Long> byIdea = new TreeMap<>();
        for (IdeaSubmitters.Submission submission : this.deadlineSubmissions) {
            for (String ideaId : submission.ideaIds()) {
                Api.Response idea = Api.as(submission.submitter()).get(this.stack.routerUrl() + "/api/ideas/" + ideaId);
                if (idea.status() != 200) {
                    throw new IllegalStateException(
                            "Idea " + ideaId + " answered " + idea.status() + ": " + idea.body());
                }
                long escalated = 0;
                for (JsonNode entry : idea.json().path("history")) {
                    if ("ESCALATED".equals(entry.path("what").asString())) {
                        escalated++;
                    }
                }
                byIdea.put(ideaId, escalated);
            }
        }
        return byIdea;
    }

    int deadlineIdeasSubmitted() {
        return this.deadlineSubmissions.size();
    }

    private static JsonNode json(ConsumerRecord<String, byte[]> record) {
        try {
            return Api.JSON.readTree(record.value());
        } catch (RuntimeException ex) {
            // poison of an earlier scenario
            return Api.JSON.createObjectNode();
        }
    }

    @Override
    public List<String> timings() {
        return this.log.lines();
    }
}
