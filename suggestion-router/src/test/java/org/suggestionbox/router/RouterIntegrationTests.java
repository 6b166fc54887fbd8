package org.suggestionbox.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.suggestionbox.events.IdeaSubmitted;
import org.suggestionbox.events.SealedIdentity;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.events.Topics;
import org.suggestionbox.router.support.RouterFixture;
import org.suggestionbox.router.support.RouterFlowTest;
import org.suggestionbox.router.support.RouterHttp;
import org.suggestionbox.router.support.RouterIntegrationTest;
import org.suggestionbox.router.support.TestEvents;
import org.suggestionbox.testing.KafkaProbe;
import tools.jackson.databind.JsonNode;

/**
 * The router end to end on a real broker and MongoDB-wire server: intake of submitted ideas,
 * routing, the outbox, the owner API and pages, decisions with their conflicts, answer proof and
 * anonymity.
 */
@RouterIntegrationTest
class RouterIntegrationTests extends RouterFlowTest {

    private static final String ASSIGNED_TYPE = "org.suggestionbox.IdeaAssigned.v1";
    private static final String DECIDED_TYPE = "org.suggestionbox.IdeaDecided.v1";

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Test
    void aSubmittedIdeaIsRoutedStoredAndAnnouncedExactlyOnceEvenWhenRedelivered() {
        // given
        UUID ideaId = UUID.randomUUID();
        IdeaSubmitted submitted = TestEvents.submitted(
                ideaId, "customer-experience", Submitter.person("alice"), "Call-back instead of hold music");

        // when
        KafkaProbe.send(Topics.IDEAS_SUBMITTED, ideaId.toString(), events.bytes(submitted));

        // then
        JsonNode idea = router.awaitIdea("maya", ideaId);
        assertThat(idea.get("state").asString()).isEqualTo("ASSIGNED");
        assertThat(idea.get("owner").get("id").asString()).isEqualTo("maya");
        assertThat(idea.get("owner").get("name").asString()).isEqualTo("Maya Rosen");
        assertThat(idea.get("routedBecause").asString())
                .isEqualTo("category 'customer-experience' matched rule cx-owner; owned by Maya Rosen");
        assertThat(idea.get("routing").get("ruleId").asString()).isEqualTo("cx-owner");
        assertThat(idea.get("routing").get("matched").get(0).get("on").asString())
                .isEqualTo("CATEGORY");
        assertThat(idea.get("answerDueBy").asString()).isNotBlank();
        List<ConsumerRecord<String, byte[]>> assigned = lifecycle(ideaId, ASSIGNED_TYPE, 1);
        assertThat(assigned).hasSize(1);
        assertThat(json.readTree(assigned.getFirst().value()).get("ownerId").asString())
                .isEqualTo("maya");

        // when the same event comes again, followed by a marker on the same key (so the same partition)
        KafkaProbe.send(Topics.IDEAS_SUBMITTED, ideaId.toString(), events.bytes(submitted));
        UUID markerId = UUID.randomUUID();
        KafkaProbe.send(
                Topics.IDEAS_SUBMITTED,
                ideaId.toString(),
                events.bytes(TestEvents.submitted(markerId, "operations", Submitter.person("piotr"), "Marker")));
        router.awaitIdea("jan", markerId);

        // then
        assertThat(mongo.count(Query.query(Criteria.where("_id").is(ideaId)), "ideas"))
                .isEqualTo(1);
        assertThat(rawIdea(ideaId).getList("outbox", Document.class)).isEmpty();
        assertThat(router.typesBeforeSentinel(ideaId, "maya", "jan")).containsExactly(ASSIGNED_TYPE);
    }

    @Test
    void anIdeaNoRuleMatchesGoesToTriage() {
        UUID ideaId = router.submit("workplace", "alice", "Standing desks");

        JsonNode idea = router.awaitIdea("maya", ideaId);

        assertThat(idea.get("ruleId").asString()).isEqualTo("triage");
        assertThat(idea.get("routedBecause").asString()).contains("no routing rule matches category workplace");
    }

    @Test
    void theOwnerSeesTheIdeaInTheQueueAndOnlyTheRightPeopleMayReadIt() {
        UUID ideaId = router.submit("customer-experience", "alice", "Queue for the queue");
        router.awaitIdea("maya", ideaId);

        HttpResponse<String> queue = http.get("maya", "/api/queue?limit=200");
        assertThat(queue.statusCode()).isEqualTo(200);
        JsonNode item = find(json.readTree(queue.body()), ideaId);
        assertThat(item).isNotNull();
        assertThat(item.get("state").asString()).isEqualTo("ASSIGNED");
        assertThat(item.get("overdue").asBoolean()).isFalse();
        assertThat(item.get("ageDays").asLong()).isZero();
        assertThat(item.get("routedBecause").asString()).contains("rule cx-owner");
        assertThat(find(
                        json.readTree(http.get("maya", "/api/queue?state=EXPLORING&limit=200")
                                .body()),
                        ideaId))
                .isNull();
        assertThat(find(
                        json.readTree(http.get("maya", "/api/queue?category=operations&limit=200")
                                .body()),
                        ideaId))
                .isNull();
        assertThat(find(json.readTree(http.get("jan", "/api/queue?limit=200").body()), ideaId))
                .isNull();

        assertThat(http.get("jan", "/api/ideas/" + ideaId).statusCode()).isEqualTo(403);
        assertThat(http.get("noa", "/api/ideas/" + ideaId).statusCode()).isEqualTo(403);
        assertThat(http.postJson(
                                "jan",
                                "/api/ideas/" + ideaId + "/decision",
                                "{\"outcome\":\"DECLINE\",\"reasonCode\":\"OUT_OF_SCOPE\",\"explanation\":\"Not mine\"}")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> asSubmitter = http.get("alice", "/api/ideas/" + ideaId);
        assertThat(asSubmitter.statusCode()).isEqualTo(200);
        assertThat(json.readTree(asSubmitter.body())
                        .get("submittedBy")
                        .get(0)
                        .get("id")
                        .asString())
                .isEqualTo("alice");
        assertThat(http.get("lea", "/api/ideas/" + ideaId).statusCode()).isEqualTo(200);
        assertThat(http.get("alice", "/api/ideas/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
        assertThat(http.get("alice", "/api/ideas/" + ideaId).headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));

        HttpResponse<String> mine = http.get("alice", "/api/my-ideas?limit=200");
        assertThat(find(json.readTree(mine.body()), ideaId)).isNotNull();
        assertThat(find(json.readTree(http.get("noa", "/api/my-ideas?limit=200").body()), ideaId))
                .isNull();
    }

    @Test
    void aDeclineNeedsAReasonIsAnnouncedAndCannotBeRepeated() {
        UUID ideaId = router.submit("customer-experience", "alice", "Free coffee for callers");
        router.awaitIdea("maya", ideaId);
        String decision = "/api/ideas/" + ideaId + "/decision";

        // a decline without reason or explanation
        HttpResponse<String> incomplete =
                http.postJson("maya", decision, "{\"outcome\":\"DECLINE\",\"explanation\":\" \"}");
        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(incomplete.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(incomplete.body()).get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("reasonCode", "explanation");

        // an exploration without next step and with a past date
        HttpResponse<String> explore =
                http.postJson("maya", decision, "{\"outcome\":\"EXPLORE\",\"expectedBy\":\"2020-01-01\"}");
        assertThat(explore.statusCode()).isEqualTo(400);
        assertThat(json.readTree(explore.body()).get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("nextStep", "expectedBy");

        // a proper decline
        HttpResponse<String> declined = http.postJson(
                "maya",
                decision,
                "{\"outcome\":\"DECLINE\",\"reasonCode\":\"COST_EXCEEDS_BENEFIT\",\"explanation\":\"Too costly for now.\"}");
        assertThat(declined.statusCode()).isEqualTo(200);
        JsonNode view = json.readTree(declined.body());
        assertThat(view.get("state").asString()).isEqualTo("DECLINED");
        assertThat(view.get("decision").get("reasonCode").asString()).isEqualTo("COST_EXCEEDS_BENEFIT");
        assertThat(view.get("history").findValuesAsString("what")).containsExactly("SUBMITTED", "ASSIGNED", "DECLINED");

        List<ConsumerRecord<String, byte[]>> decided = lifecycle(ideaId, DECIDED_TYPE, 1);
        assertThat(decided).hasSize(1);
        JsonNode event = json.readTree(decided.getFirst().value());
        assertThat(event.get("outcome").asString()).isEqualTo("DECLINE");
        assertThat(event.get("reasonCode").asString()).isEqualTo("COST_EXCEEDS_BENEFIT");
        assertThat(event.get("explanation").asString()).isEqualTo("Too costly for now.");
        assertThat(event.get("ownerName").asString()).isEqualTo("Maya Rosen");
        assertThat(event.get("submitters").get(0).get("personId").asString()).isEqualTo("alice");

        // deciding again
        HttpResponse<String> again = http.postJson(
                "maya",
                decision,
                "{\"outcome\":\"EXPLORE\",\"nextStep\":\"Pilot\",\"expectedBy\":\""
                        + LocalDate.now().plusDays(30) + "\"}");
        assertThat(again.statusCode()).isEqualTo(409);
    }

    @Test
    void anExploredIdeaMovesOnAndTheSubmitterSeesItsTimeline() {
        UUID ideaId = router.submit("customer-experience", "alice", "Chat support on weekends");
        router.awaitIdea("maya", ideaId);

        HttpResponse<String> review = http.postJson("maya", "/api/ideas/" + ideaId + "/review", "");
        assertThat(review.statusCode()).isEqualTo(200);
        assertThat(json.readTree(review.body()).get("state").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(http.postJson("maya", "/api/ideas/" + ideaId + "/review", "").statusCode())
                .isEqualTo(409);
        HttpResponse<String> explored = http.postJson(
                "maya",
                "/api/ideas/" + ideaId + "/decision",
                "{\"outcome\":\"EXPLORE\",\"nextStep\":\"Two-week pilot\",\"expectedBy\":\""
                        + LocalDate.now().plusDays(20) + "\",\"explanation\":\"Worth a try\"}");
        assertThat(explored.statusCode()).isEqualTo(200);
        // the page gives the step as decided, not the label of the form that asks an owner for it
        assertThat(http.get("alice", "/ideas/" + ideaId + "?lang=en").body())
                .contains("Next step: \u2068Two-week pilot\u2069")
                .contains("Expected by " + LocalDate.now().plusDays(20))
                .doesNotContain("Next step (needed to explore)");
        assertThat(http.postJson(
                                "maya",
                                "/api/ideas/" + ideaId + "/status",
                                "{\"status\":\"IMPLEMENTED\",\"note\":\"x\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(http.postJson("maya", "/api/ideas/" + ideaId + "/status", "{\"status\":\"IN_PROGRESS\"}")
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> progress = http.postJson(
                "maya", "/api/ideas/" + ideaId + "/status", "{\"status\":\"IN_PROGRESS\",\"note\":\"Pilot started\"}");
        assertThat(progress.statusCode()).isEqualTo(200);

        JsonNode mine =
                find(json.readTree(http.get("alice", "/api/my-ideas?limit=200").body()), ideaId);
        assertThat(mine.get("state").asString()).isEqualTo("IN_PROGRESS");
        assertThat(mine.get("history").findValuesAsString("what"))
                .containsExactly("SUBMITTED", "ASSIGNED", "REVIEW_STARTED", "EXPLORING", "IN_PROGRESS");
        // the decision reads true once the idea has moved on, on its page and in its timeline
        assertThat(http.get("alice", "/ideas/" + ideaId + "?lang=en").body())
                .contains("Chosen to explore")
                .doesNotContain("Will be explored");
        assertThat(http.get("alice", "/ideas/" + ideaId + "?lang=he").body()).contains("נבחר לבחינה");
        assertThat(lifecycle(ideaId, "org.suggestionbox.IdeaStatusChanged.v1", 1))
                .hasSize(1);
    }

    @Test
    void anOwnerCanHandAnIdeaToAnotherOwner() {
        UUID ideaId = router.submit("customer-experience", "alice", "Parcel lockers");
        router.awaitIdea("maya", ideaId);

        assertThat(http.postJson("maya", "/api/ideas/" + ideaId + "/reassign", "{\"ownerId\":\"alice\",\"note\":\"x\"}")
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> reassigned = http.postJson(
                "maya",
                "/api/ideas/" + ideaId + "/reassign",
                "{\"ownerId\":\"jan\",\"note\":\"Logistics runs the lockers\"}");

        assertThat(reassigned.statusCode()).isEqualTo(200);
        assertThat(json.readTree(reassigned.body()).get("owner").get("id").asString())
                .isEqualTo("jan");
        assertThat(find(json.readTree(http.get("jan", "/api/queue?limit=200").body()), ideaId))
                .isNotNull();
        assertThat(http.get("maya", "/api/ideas/" + ideaId).statusCode()).isEqualTo(403);
        assertThat(lifecycle(ideaId, "org.suggestionbox.IdeaReassigned.v1", 1)).hasSize(1);
    }

    @Test
    void twoConcurrentDecisionsGetOneSuccessAndOneConflict() throws Exception {
        UUID ideaId = router.submit("customer-experience", "alice", "Two owners at once");
        router.awaitIdea("maya", ideaId);
        String body = "{\"outcome\":\"DECLINE\",\"reasonCode\":\"NOT_FEASIBLE\",\"explanation\":\"Cannot do it.\"}";
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return http.postJson("maya", "/api/ideas/" + ideaId + "/decision", body)
                            .statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            Collections.sort(statuses);
            assertThat(statuses).containsExactly(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(relayed(ideaId, DECIDED_TYPE)).hasSize(1);
    }

    @Test
    void aDeliveredDecisionMarksTheIdeaAnsweredOnce() {
        UUID ideaId = router.submit("operations", "piotr", "Label printers per dock");
        router.awaitIdea("jan", ideaId);
        HttpResponse<String> declined = http.postJson(
                "jan",
                "/api/ideas/" + ideaId + "/decision",
                "{\"outcome\":\"DECLINE\",\"reasonCode\":\"ALREADY_PLANNED\",\"explanation\":\"Ordered last week.\"}");
        assertThat(declined.statusCode()).isEqualTo(200);
        UUID decidedEventId = UUID.fromString(
                json.readTree(lifecycle(ideaId, DECIDED_TYPE, 1).getFirst().value())
                        .get("eventId")
                        .asString());

        byte[] delivered = events.bytes(TestEvents.deliveredToSubmitter(ideaId, decidedEventId));
        KafkaProbe.send(Topics.NOTIFICATIONS_DELIVERED, ideaId.toString(), delivered);
        KafkaProbe.send(Topics.NOTIFICATIONS_DELIVERED, ideaId.toString(), delivered);
        KafkaProbe.send(
                Topics.NOTIFICATIONS_DELIVERED,
                ideaId.toString(),
                events.bytes(TestEvents.deliveredToSubmitter(UUID.randomUUID(), decidedEventId)));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode idea =
                    json.readTree(http.get("piotr", "/api/ideas/" + ideaId).body());
            assertThat(idea.get("answered").asBoolean()).isTrue();
            assertThat(idea.get("answeredAt").asString()).isNotBlank();
            assertThat(idea.get("answeredOnTime").asBoolean()).isTrue();
        });
        String answeredAt = json.readTree(
                        http.get("piotr", "/api/ideas/" + ideaId).body())
                .get("answeredAt")
                .asString();
        // the page says when (a <time>, which no line ends inside), and that it was by the deadline
        assertThat(http.get("piotr", "/ideas/" + ideaId + "?lang=en").body())
                .containsPattern("Yes, <time datetime=\"[^\"]+\">" + answeredAt.substring(0, 10) + " "
                        + answeredAt.substring(11, 16) + "</time>")
                .contains(">on time<");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(rawIdea(ideaId).getList("processedEventIds", Object.class))
                        .hasSize(2));
        JsonNode idea = json.readTree(http.get("piotr", "/api/ideas/" + ideaId).body());
        assertThat(idea.get("history").findValuesAsString("what"))
                .containsExactly("SUBMITTED", "ASSIGNED", "DECLINED", "ANSWERED");
    }

    /** The proofs no person waits on are gathered by the broker for half a second into one poll. */
    @Test
    void deliveryProofsAreFetchedHalfASecondAtATime() {
        Map<Object, Object> consumer = Map.copyOf(listeners
                .getListenerContainer("router-notifications")
                .getContainerProperties()
                .getKafkaConsumerProperties());

        assertThat(consumer).containsEntry("fetch.max.wait.ms", "500").containsEntry("fetch.min.bytes", "1048576");
        assertThat(listeners
                        .getListenerContainer("router-ideas-submitted")
                        .getContainerProperties()
                        .getKafkaConsumerProperties())
                .as("ideas are routed as soon as they arrive")
                .doesNotContainKeys("fetch.max.wait.ms", "fetch.min.bytes");
    }

    @Test
    void anAnonymousSubmitterIsNeitherStoredNorShown() {
        UUID ideaId = UUID.randomUUID();
        SealedIdentity sealed = new SealedIdentity("k1", "bm9uY2UuY2lwaGVydGV4dA==");
        KafkaProbe.send(
                Topics.IDEAS_SUBMITTED,
                ideaId.toString(),
                events.bytes(TestEvents.submitted(
                        ideaId, "customer-experience", Submitter.anonymous(sealed), "Fairer rota")));

        JsonNode idea = router.awaitIdea("maya", ideaId);
        assertThat(idea.get("anonymous").asBoolean()).isTrue();
        assertThat(idea.get("submittedBy")).isEmpty();

        String stored = rawIdea(ideaId).toJson();
        assertThat(stored).contains("bm9uY2UuY2lwaGVydGV4dA==").doesNotContain("alice");
        List<String> responses = List.of(
                http.get("maya", "/api/ideas/" + ideaId).body(),
                http.get("maya", "/api/queue?limit=200").body(),
                http.get("lea", "/api/ideas/" + ideaId).body(),
                http.postJson(
                                "maya",
                                "/api/ideas/" + ideaId + "/decision",
                                "{\"outcome\":\"DECLINE\",\"reasonCode\":\"NEEDS_MORE_INFO\",\"explanation\":\"Which team?\"}")
                        .body(),
                http.get("maya", "/ideas/" + ideaId).body());
        assertThat(responses)
                .allSatisfy(body -> assertThat(body)
                        .doesNotContain("alice")
                        .doesNotContain("Alice")
                        .doesNotContain("bm9uY2UuY2lwaGVydGV4dA=="));
        assertThat(lifecycle(ideaId, ASSIGNED_TYPE, 1))
                .singleElement()
                .satisfies(record -> assertThat(new String(record.value()))
                        .contains("bm9uY2UuY2lwaGVydGV4dA==")
                        .doesNotContain("alice"));
        assertThat(json.readTree(http.get("alice", "/api/my-ideas?limit=200").body())
                        .findValuesAsString("id"))
                .doesNotContain(ideaId.toString());
    }

    @Test
    void theOwnerWorksThroughTheQueueAndDecidesOnThePages() {
        UUID ideaId = router.submit("customer-experience", "alice", "Shorter forms");
        String dueDate = java.time.Instant.parse(
                        router.awaitIdea("maya", ideaId).get("answerDueBy").asString())
                .atZone(java.time.ZoneOffset.UTC)
                .toLocalDate()
                .toString();
        RouterHttp.Browser maya = http.browser("maya");

        HttpResponse<String> queue = maya.get("/queue");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body())
                .contains("id=\"queue-table\"")
                .contains("Shorter forms")
                .contains("rule cx-owner")
                .contains(">" + dueDate + "<")
                .contains("class=\"badge ok\"")
                // the header marks the page she is on, and only that one
                .containsPattern("id=\"nav-queue\"[^>]*aria-current=\"page\"")
                .doesNotContainPattern("id=\"nav-wall\"[^>]*aria-current");
        assertThat(maya.get("/ideas").body())
                .containsPattern("id=\"nav-wall\"[^>]*aria-current=\"page\"")
                .doesNotContainPattern("id=\"nav-queue\"[^>]*aria-current");

        HttpResponse<String> page = maya.get("/ideas/" + ideaId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "id=\"decision-form\"",
                        "id=\"outcome-explore\"",
                        "id=\"outcome-decline\"",
                        "id=\"reasonCode\"",
                        "id=\"explanation\"",
                        "id=\"nextStep\"",
                        "id=\"expectedBy\"",
                        "id=\"decide-button\"",
                        "id=\"idea-state\"");

        assertThat(page.body()).contains("id=\"reassign-form\"").contains("Jan Kowalski");

        // picking it up
        HttpResponse<String> picked = maya.submit(page.body(), "/ideas/" + ideaId + "/review", Map.of());
        assertThat(picked.statusCode()).isEqualTo(302);
        page = maya.get("/ideas/" + ideaId);
        assertThat(page.body()).contains("data-state=\"UNDER_REVIEW\"").doesNotContain("id=\"review-button\"");

        // a decline without a reason: error shown, input kept
        HttpResponse<String> rejected = maya.submit(
                page.body(),
                "/ideas/" + ideaId + "/decision",
                Map.of("outcome", "DECLINE", "reasonCode", "", "explanation", "We have no budget left this year."));
        assertThat(rejected.statusCode()).isEqualTo(200);
        assertThat(rejected.body())
                .contains("id=\"decision-error\"")
                .contains("A decline needs a reason.")
                .contains("We have no budget left this year.")
                // the invalid field says so and points at its message
                .containsPattern("<select id=\"reasonCode\"[^>]*aria-invalid=\"true\"")
                .containsPattern("<select id=\"reasonCode\"[^>]*aria-describedby=\"reasonCode-error\"");
        assertThat(json.readTree(http.get("maya", "/api/ideas/" + ideaId).body())
                        .get("state")
                        .asString())
                .isEqualTo("UNDER_REVIEW");

        // with a reason
        HttpResponse<String> accepted = maya.submit(
                rejected.body(),
                "/ideas/" + ideaId + "/decision",
                Map.of(
                        "outcome",
                        "DECLINE",
                        "reasonCode",
                        "COST_EXCEEDS_BENEFIT",
                        "explanation",
                        "We have no budget left this year."));
        assertThat(accepted.statusCode()).isEqualTo(302);
        HttpResponse<String> after = maya.get("/ideas/" + ideaId + "?decided");
        assertThat(after.body()).contains("data-state=\"DECLINED\"").doesNotContain("id=\"decision-form\"");

        // a decided idea leaves the open queue, and its owner still finds it under its state
        assertThat(maya.get("/queue").body())
                .contains("<option value=\"\">All open</option>")
                .doesNotContain("data-idea-id=\"" + ideaId + "\"");
        assertThat(maya.get("/queue?state=DECLINED&limit=200").body())
                .containsPattern("<optgroup label=\"Closed\">\\s*<option value=\"DECLINED\" selected")
                .contains("data-idea-id=\"" + ideaId + "\"");

        // the employee's timeline, in Hebrew right to left
        HttpResponse<String> mine = http.browser("alice").get("/my-ideas?lang=he");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body())
                .contains("dir=\"rtl\"")
                .contains("Shorter forms")
                .contains("נדחה")
                // the reason code as words in the page's language, the routing reason too
                .contains("העלות עולה על התועלת")
                .doesNotContain("COST_EXCEEDS_BENEFIT")
                .contains("הכלל \u2068cx-owner\u2069 חל")
                .doesNotContain("matched rule");
        HttpResponse<String> notJans = http.browser("jan").get("/ideas/" + ideaId);
        assertThat(notJans.statusCode()).isEqualTo(403);
        assertThat(notJans.body())
                .contains("<h1 id=\"error-title\">Ta strona nie jest dla Ciebie dostępna</h1>")
                .contains("<p id=\"error-text\">Nie możesz zobaczyć tego pomysłu.</p>")
                .contains("<a id=\"error-home\" href=\"/\">Powrót na początek</a>");
        HttpResponse<String> unknown = http.browser("alice").get("/ideas/" + UUID.randomUUID());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body())
                .contains("<h1 id=\"error-title\">We cannot find this page</h1>")
                .contains("<p id=\"error-text\">There is no such idea.</p>");
        // why it came to the owner, in the page's language; the API keeps the English text
        assertThat(http.browser("maya")
                        .get("/queue?lang=pl&state=DECLINED&limit=200")
                        .body())
                .contains("Moja kolejka")
                .contains("pasuje do reguły cx-owner; właściciel: Maya Rosen");
        assertThat(http.browser("maya")
                        .get("/queue?lang=he&state=DECLINED&limit=200")
                        .body())
                .contains("כל הפתוחים")
                .contains(
                        "הכלל \u2068cx-owner\u2069 חל (הקטגוריה &#39;חוויית לקוח&#39;); באחריות \u2068Maya Rosen\u2069");
        assertThat(http.browser("maya").get("/ideas/" + ideaId + "?lang=he").body())
                .contains("הכלל \u2068cx-owner\u2069 חל (הקטגוריה");
        assertThat(http.browser("maya").get("/").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/queue"));
        assertThat(http.browser("alice").get("/").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/my-ideas"));
        assertThat(http.browser("lea").get("/").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/dashboard"));
        assertThat(http.browser("admin").get("/").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/admin/outbox"));
    }

    @Test
    void theApiIsDescribedWithOpenApi() {
        HttpResponse<String> docs = http.get("alice", "/v3/api-docs");

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(json.readTree(docs.body()).get("paths").propertyNames())
                .contains(
                        "/api/ideas/{id}",
                        "/api/ideas/{id}/decision",
                        "/api/ideas/{id}/status",
                        "/api/ideas/{id}/reassign",
                        "/api/queue",
                        "/api/my-ideas",
                        "/api/ideas/{id}/merge",
                        "/api/dashboard")
                .allSatisfy(path -> assertThat(path).as("the JSON API only").startsWith("/api/"));
        JsonNode decide = json.readTree(docs.body()).at("/paths/~1api~1ideas~1{id}~1decision/post/responses");
        assertThat(decide.propertyNames()).contains("200", "400", "401", "403", "404", "409", "413", "415");
        for (String status : List.of("400", "401", "403", "404", "409")) {
            assertThat(decide.at("/" + status + "/content/application~1problem+json/schema/$ref")
                            .asString())
                    .as(status)
                    .isEqualTo("#/components/schemas/ProblemDetail");
        }
        assertThat(json.readTree(docs.body())
                        .at("/paths/~1api~1ideas~1{id}/get/responses")
                        .propertyNames())
                .as("reading an idea changes nothing, so nothing conflicts")
                .doesNotContain("409");
        assertThat(json.readTree(docs.body())
                        .at("/paths/~1api~1admin~1rules/get/responses")
                        .propertyNames())
                .as("for admins only")
                .contains("200", "401", "403");
        assertThat(json.readTree(docs.body())
                        .at("/paths/~1api~1queue/get/responses")
                        .propertyNames())
                .as("a page of a list")
                .contains("200", "400", "401");
        JsonNode track = json.readTree(docs.body()).at("/paths/~1api~1track~1{token}/get/responses");
        assertThat(track.propertyNames()).as("a public link").containsExactlyInAnyOrder("200", "404");
        assertThat(track.at("/200/content").toString()).contains("TrackedIdea");
    }

    @Test
    void routingDecisionsAndTheOutboxAreMeasuredWithoutPersonalLabels() {
        UUID ideaId = router.submit("operations", "piotr", "Measured idea");
        router.awaitIdea("jan", ideaId);
        assertThat(http.postJson(
                                "jan",
                                "/api/ideas/" + ideaId + "/decision",
                                "{\"outcome\":\"DECLINE\",\"reasonCode\":\"OUT_OF_SCOPE\",\"explanation\":\"Not ours.\"}")
                        .statusCode())
                .isEqualTo(200);

        await().atMost(WAIT).untilAsserted(() -> {
            String metrics = http.get("jan", "/actuator/prometheus").body();
            assertThat(metrics)
                    .containsPattern("ideas_routed_total\\{[^}]*outcome=\"RULE\"")
                    .containsPattern("ideas_decided_total\\{[^}]*outcome=\"DECLINE\",reason=\"OUT_OF_SCOPE\"")
                    .contains("router_outbox_pending")
                    .containsPattern("ideas_open\\{[^}]*state=\"ASSIGNED\"")
                    .contains("ideas_overdue")
                    .contains("http_server_requests_seconds_count")
                    .doesNotContain("spring_security_")
                    .doesNotContain(ideaId.toString())
                    .doesNotContain("\"jan\"")
                    .doesNotContain("\"piotr\"");
        });
    }

    private Document rawIdea(UUID ideaId) {
        Document document = mongo.findById(ideaId, Document.class, "ideas");
        assertThat(document).isNotNull();
        return document;
    }

    private static List<ConsumerRecord<String, byte[]>> lifecycle(UUID ideaId, String type, int expected) {
        return RouterFixture.lifecycle(ideaId, type, expected, WAIT);
    }

    /** The idea in a page ({@code {items, nextCursor}}) of the queue or "my ideas". */
    private static JsonNode find(JsonNode page, UUID ideaId) {
        for (JsonNode node : page.path("items")) {
            if (ideaId.toString().equals(node.get("id").asString())) {
                return node;
            }
        }
        return null;
    }
}
