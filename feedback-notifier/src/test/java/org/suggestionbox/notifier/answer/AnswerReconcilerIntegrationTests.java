package org.suggestionbox.notifier.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.suggestionbox.events.DecisionOutcome;
import org.suggestionbox.events.DeclineReason;
import org.suggestionbox.events.IdeaDecided;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.notifier.FakeChatServers;
import org.suggestionbox.notifier.NotifierSpringIntegrationTest;
import org.suggestionbox.notifier.delivery.RecipientRefs;

/**
 * Proof of answer: a decision whose message was lost (kept by the notifier, never delivered) is
 * found and delivered by the reconciler; two reconcilers at once deliver it once; the ShedLock
 * lock works on the MongoDB-wire server.
 */
class AnswerReconcilerIntegrationTests extends NotifierSpringIntegrationTest {

    @Autowired
    AnswerReconciler reconciler;

    @Autowired
    DecisionLog decisions;

    @Autowired
    RecipientRefs refs;

    @Autowired
    MeterRegistry meters;

    @Autowired
    LockProvider lockProvider;

    @Test
    void aDecisionWhoseMessageWasLostIsDeliveredByTheReconcilerAndTheGaugeReturnsToZero() {
        // given: the notifier kept piotr's decision an hour ago, but its delivery never happened
        IdeaDecided decided = lostDecision("Night shift buses", "piotr");
        assertThat(gauge()).isGreaterThanOrEqualTo(1.0);
        assertThat(unanswered("lea")).contains(decided.ideaId().toString());
        assertThat(client("alice")
                        .get()
                        .uri("/api/unanswered")
                        .retrieve()
                        .onStatus(status -> true, (request, reply) -> {})
                        .toBodilessEntity()
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // when
        reconciler.reconcile();

        // then
        assertThat(inbox("piotr", decided.ideaId()))
                .singleElement()
                .satisfies(entry -> assertThat((String) entry.get("body")).contains("Powód: Niewykonalne"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(gauge()).isZero());
        assertThat(unanswered("admin")).doesNotContain(decided.ideaId().toString());
        assertThat(mongo.getCollection(DecisionLog.COLLECTION)
                        .find(new Document("_id", decided.ideaId().toString()))
                        .first())
                .containsEntry("answered", true);
    }

    @Test
    void twoReconcilersAtOnceDeliverTheLostDecisionOnce() throws Exception {
        IdeaDecided decided = lostDecision("Bigger lockers", "alice");
        CyclicBarrier start = new CyclicBarrier(2);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> reconcileAfter(start));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> reconcileAfter(start));
        CompletableFuture.allOf(first, second).get();

        assertThat(inbox("alice", decided.ideaId())).hasSize(1);
        assertThat(mongo.getCollection("deliveries")
                        .find(new Document("sourceEventId", decided.eventId().toString()))
                        .into(new java.util.ArrayList<>()))
                .hasSize(3) // in-app, e-mail, Slack
                .allSatisfy(
                        row -> assertThat(row).containsEntry("state", "SENT").containsEntry("attempts", 1));
        assertThat(FakeChatServers.get().slackMessages("U0ALICE"))
                .filteredOn(message -> message.json().path("text").asString().contains(decided.title()))
                .hasSize(1);
    }

    @Test
    void anOlderDecisionSeenLateDoesNotReplaceTheLatestOne() {
        IdeaDecided latest = lostDecision("Reordered events", "alice");
        IdeaDecided older = new IdeaDecided(
                UUID.randomUUID(),
                latest.ideaId(),
                latest.occurredAt().minusSeconds(60),
                1,
                latest.title(),
                latest.submitters(),
                "maya",
                "Maya Rosen",
                DecisionOutcome.EXPLORE,
                null,
                "Let us look.",
                "A pilot",
                null);

        decisions.record(older, List.of(refs.of("alice")), Instant.now());

        assertThat(mongo.getCollection(DecisionLog.COLLECTION)
                        .find(new Document("_id", latest.ideaId().toString()))
                        .first())
                .containsEntry("sourceEventId", latest.eventId().toString());
        reconciler.reconcile();
        assertThat(inbox("alice", latest.ideaId()))
                .singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("kind", "IDEA_DECLINED"));
    }

    @Test
    void theMongoLockLetsOneHolderInAtATime() {
        String name = "lock-test-" + UUID.randomUUID();
        Instant now = Instant.now();
        LockConfiguration configuration = new LockConfiguration(now, name, Duration.ofSeconds(30), Duration.ZERO);

        Optional<SimpleLock> held = lockProvider.lock(configuration);
        Optional<SimpleLock> second = lockProvider.lock(configuration);
        assertThat(held).isPresent();
        assertThat(second).isEmpty();

        held.get().unlock();
        Optional<SimpleLock> afterRelease =
                lockProvider.lock(new LockConfiguration(Instant.now(), name, Duration.ofSeconds(30), Duration.ZERO));
        assertThat(afterRelease).isPresent();
        afterRelease.get().unlock();
    }

    private IdeaDecided lostDecision(String title, String personId) {
        IdeaDecided decided = new IdeaDecided(
                UUID.randomUUID(),
                UUID.randomUUID(),
                Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS),
                1,
                title + " " + UUID.randomUUID().toString().substring(0, 8),
                List.of(Submitter.person(personId)),
                "maya",
                "Maya Rosen",
                DecisionOutcome.DECLINE,
                DeclineReason.NOT_FEASIBLE,
                "Not this year.",
                null,
                null);
        decisions.record(decided, List.of(refs.of(personId)), Instant.now().minus(1, ChronoUnit.HOURS));
        assertThat(inbox(personId, decided.ideaId())).isEmpty();
        return decided;
    }

    private void reconcileAfter(CyclicBarrier start) {
        try {
            start.await();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
        reconciler.reconcile();
    }

    private double gauge() {
        return meters.get("notifications.unanswered.decisions").gauge().value();
    }

    private String unanswered(String user) {
        return client(user).get().uri("/api/unanswered").retrieve().body(String.class);
    }
}
