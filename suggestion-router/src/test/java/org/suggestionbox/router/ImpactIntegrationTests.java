package org.suggestionbox.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.suggestionbox.events.EventIds;
import org.suggestionbox.events.IdeaLifecycleEvent;
import org.suggestionbox.events.IdeaSubmitted;
import org.suggestionbox.events.SubmissionChannel;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.events.Topics;
import org.suggestionbox.router.dashboard.DashboardRecorder;
import org.suggestionbox.router.deadline.DeadlineWatchdog;
import org.suggestionbox.router.idea.IdeaId;
import org.suggestionbox.router.storage.IdeaStore;
import org.suggestionbox.router.support.MutableClock;
import org.suggestionbox.router.support.RouterFlowTest;
import org.suggestionbox.router.support.RouterIntegrationTest;
import org.suggestionbox.testing.KafkaProbe;
import tools.jackson.databind.JsonNode;

/**
 * Impact end to end: an implementation needs its estimated impact, the owner is asked for the
 * measured benefit 30 and 90 days later through the deadline watchdog, records it through the API or
 * the page, and the dashboard's benefit and implementation-rate roll-ups stay the same when every
 * event is recorded again.
 */
@RouterIntegrationTest
class ImpactIntegrationTests extends RouterFlowTest {

    private static final String STATUS_CHANGED = "org.suggestionbox.IdeaStatusChanged.v1";
    private static final String CHECK_DUE = "org.suggestionbox.ImpactCheckDue.v1";
    private static final String MEASURED = "org.suggestionbox.IdeaImpactMeasured.v1";

    @Autowired
    MutableClock clock;

    @Autowired
    DeadlineWatchdog watchdog;

    @Autowired
    DashboardRecorder recorder;

    @Autowired
    IdeaStore store;

    private String department;

    @BeforeEach
    void department() {
        department = "Impact " + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void implementingNeedsAnImpactAndTheEventCarriesItWithTheThanks() {
        UUID ideaId = inProgress("Needs an impact");

        HttpResponse<String> without = status(ideaId, "{\"status\":\"IMPLEMENTED\",\"note\":\"Done\"}");
        assertThat(without.statusCode()).isEqualTo(400);
        assertThat(fields(without)).containsExactly("impact.summary", "impact.amount", "impact.unit");

        HttpResponse<String> wrong = status(
                ideaId,
                "{\"status\":\"IMPLEMENTED\",\"impact\":{\"summary\":\"Faster\",\"amount\":-5,\"unit\":\"furlongs\"}}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(fields(wrong)).containsExactly("impact.amount", "impact.unit");
        assertThat(json.readTree(status(
                                        ideaId,
                                        "{\"status\":\"IMPLEMENTED\",\"impact\":{\"summary\":\"x\",\"amount\":\"1e5000\",\"unit\":\"csat-points\"}}")
                                .body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("impact.amount");

        HttpResponse<String> implemented = status(
                ideaId,
                "{\"status\":\"IMPLEMENTED\",\"impact\":{\"summary\":\"Calls answered faster\",\"amount\":40.50,\"unit\":\"hours-saved-per-month\"},\"thankYouNote\":\"Thank you, Alice!\"}");
        assertThat(implemented.statusCode()).as(implemented.body()).isEqualTo(200);
        JsonNode impact = json.readTree(implemented.body()).get("impact");
        assertThat(impact.get("estimated").get("amount").decimalValue()).isEqualByComparingTo("40.5");
        assertThat(impact.get("thankYouNote").asString()).isEqualTo("Thank you, Alice!");

        List<ConsumerRecord<String, byte[]>> changes = relayed(ideaId, STATUS_CHANGED);
        JsonNode event = json.readTree(changes.getLast().value());
        assertThat(event.get("status").asString()).isEqualTo("IMPLEMENTED");
        assertThat(event.get("note").asString()).isEqualTo("Calls answered faster");
        assertThat(event.get("impact").get("amount").decimalValue()).isEqualByComparingTo("40.5");
        assertThat(event.get("impact").get("unit").asString()).isEqualTo("hours-saved-per-month");
        assertThat(event.get("thankYouNote").asString()).isEqualTo("Thank you, Alice!");
    }

    @Test
    void theOwnerOrALeaderRecordsTheMeasuredBenefitThroughTheApi() {
        UUID ideaId = implemented("Measured through the API", "40", "hours-saved-per-month");

        assertThat(measure("alice", ideaId, "{\"summary\":\"x\",\"amount\":\"1\",\"unit\":\"csat-points\"}")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> wrongCheck = measure(
                "maya", ideaId, "{\"summary\":\"x\",\"amount\":\"1\",\"unit\":\"csat-points\",\"checkpointDays\":45}");
        assertThat(wrongCheck.statusCode()).isEqualTo(400);
        assertThat(fields(wrongCheck)).containsExactly("checkpointDays");

        HttpResponse<String> byOwner = measure(
                "maya",
                ideaId,
                "{\"summary\":\"Fewer calls on hold\",\"amount\":\"35\",\"unit\":\"hours-saved-per-month\",\"checkpointDays\":30}");
        assertThat(byOwner.statusCode()).as(byOwner.body()).isEqualTo(200);
        HttpResponse<String> byLeader = measure(
                "lea", ideaId, "{\"summary\":\"Even fewer\",\"amount\":\"52.25\",\"unit\":\"hours-saved-per-month\"}");
        assertThat(byLeader.statusCode()).as(byLeader.body()).isEqualTo(200);
        JsonNode measurements = json.readTree(byLeader.body()).get("impact").get("measurements");
        assertThat(measurements).hasSize(2);
        assertThat(measurements.get(1).get("by").get("id").asString()).isEqualTo("lea");

        List<ConsumerRecord<String, byte[]>> measured = relayed(ideaId, MEASURED);
        assertThat(measured).hasSize(2);
        JsonNode first = json.readTree(measured.get(0).value());
        assertThat(first.get("checkpointDays").asInt()).isEqualTo(30);
        assertThat(first.get("measured").get("amount").decimalValue()).isEqualByComparingTo("35");
        assertThat(first.get("estimated").get("amount").decimalValue()).isEqualByComparingTo("40");
        assertThat(first.get("submitters").get(0).get("personId").asString()).isEqualTo("alice");
        assertThat(json.readTree(measured.get(1).value()).get("checkpointDays").asInt())
                .isZero();
    }

    @Test
    void impactChecksComeAt30And90DaysThroughTheWatchdogEachOnce() {
        UUID ideaId = implemented("Checked later", "12", "incidents-avoided");
        Instant implementedAt = Instant.parse(router.awaitIdea("maya", ideaId)
                .get("impact")
                .get("implementedAt")
                .asString());

        await().atMost(WAIT).until(() -> outboxEmpty(ideaId));
        clock.setTo(implementedAt.plus(Duration.ofDays(30)).minus(Duration.ofMinutes(5)));
        watchdog.run();
        assertThat(implementation(ideaId).getList("checksAsked", Integer.class)).isNullOrEmpty();

        clock.setTo(implementedAt.plus(Duration.ofDays(30)).plus(Duration.ofMinutes(1)));
        watchdog.run();
        watchdog.run();
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(implementation(ideaId).getList("checksAsked", Integer.class))
                        .containsExactly(30));
        // relayed before the clock jumps again: a 60-day jump would hand the same event to the outbox sweep
        // as well while the relay after the save still sends it (sent twice, as at-least-once allows)
        await().atMost(WAIT).until(() -> outboxEmpty(ideaId));

        clock.setTo(implementedAt.plus(Duration.ofDays(90)).plus(Duration.ofMinutes(1)));
        watchdog.run();
        watchdog.run();
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(implementation(ideaId).getList("checksAsked", Integer.class))
                        .containsExactly(30, 90));

        List<ConsumerRecord<String, byte[]>> checks = relayed(ideaId, CHECK_DUE);
        assertThat(checks)
                .extracting(record ->
                        json.readTree(record.value()).get("checkpointDays").asInt())
                .containsExactly(30, 90);
        JsonNode first = json.readTree(checks.getFirst().value());
        assertThat(first.get("ownerId").asString()).isEqualTo("maya");
        assertThat(first.get("estimated").get("amount").decimalValue()).isEqualByComparingTo("12");
        assertThat(first.get("eventId").asString())
                .isEqualTo(EventIds.derive(ideaId, "ImpactCheckDue", 30).toString());
    }

    @Test
    void theBenefitRollUpsAreRightAndStayRightAfterAReplay() {
        JsonNode before = dashboard();
        UUID a = implemented("Benefit A", "40", "hours-saved-per-month");
        UUID b = implemented("Benefit B", "1250.50", "money-per-year");
        UUID c = implemented("Benefit C", "2.25", "hours-saved-per-month");
        assertThat(measure(
                                "maya",
                                a,
                                "{\"summary\":\"At 30\",\"amount\":\"35\",\"unit\":\"hours-saved-per-month\",\"checkpointDays\":30}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(measure(
                                "maya",
                                a,
                                "{\"summary\":\"At 90\",\"amount\":\"52.25\",\"unit\":\"hours-saved-per-month\",\"checkpointDays\":90}")
                        .statusCode())
                .isEqualTo(200);

        JsonNode after = dashboard();
        JsonNode hours = benefit(after, "hours-saved-per-month");
        assertThat(hours.get("estimatedIdeas").asLong()).isEqualTo(2);
        assertThat(hours.get("estimated").decimalValue()).isEqualByComparingTo("42.25");
        // the latest measurement of A only, not 35 + 52.25
        assertThat(hours.get("measuredIdeas").asLong()).isEqualTo(1);
        assertThat(hours.get("measured").decimalValue()).isEqualByComparingTo("52.25");
        JsonNode money = benefit(after, "money-per-year");
        assertThat(money.get("estimated").decimalValue()).isEqualByComparingTo("1250.5");
        assertThat(money.get("measuredIdeas").asLong()).isZero();
        String month = LocalDate.now(java.time.ZoneOffset.UTC).toString().substring(0, 7);
        assertThat(monthFigure(after, month, "decided") - monthFigure(before, month, "decided"))
                .isEqualTo(3);
        assertThat(monthFigure(after, month, "implemented") - monthFigure(before, month, "implemented"))
                .isEqualTo(3);

        // replay: every lifecycle event of the three ideas recorded again, in order and then backwards
        List<IdeaLifecycleEvent> replayed = lifecycleOf(Set.of(a, b, c));
        assertThat(replayed).hasSizeGreaterThanOrEqualTo(12);
        for (IdeaLifecycleEvent event : replayed) {
            recorder.record(store.find(new IdeaId(event.ideaId())).orElseThrow(), event);
        }
        for (IdeaLifecycleEvent event : replayed.reversed()) {
            recorder.record(store.find(new IdeaId(event.ideaId())).orElseThrow(), event);
        }

        JsonNode replay = dashboard();
        assertThat(departmentRows(replay)).isEqualTo(departmentRows(after));
        assertThat(monthFigure(replay, month, "decided")).isEqualTo(monthFigure(after, month, "decided"));
        assertThat(monthFigure(replay, month, "implemented")).isEqualTo(monthFigure(after, month, "implemented"));
        assertThat(count(replay.get("funnel"), "IMPLEMENTED")).isEqualTo(count(after.get("funnel"), "IMPLEMENTED"));
    }

    @Test
    void theIdeaPageAsksForTheImpactWithoutJavaScriptAndShowsErrorsBesideTheFields() {
        UUID ideaId = inProgress("Implemented on the page");
        var maya = http.browser("maya");
        HttpResponse<String> page = maya.get("/ideas/" + ideaId);
        assertThat(page.body()).contains("id=\"impact-fields\"", "name=\"impactAmount\"", "hours saved a month");

        HttpResponse<String> refused = maya.submit(
                page.body(),
                "/ideas/" + ideaId + "/status",
                Map.of("status", "IMPLEMENTED", "note", "", "impactSummary", "Faster", "impactAmount", "forty"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains("id=\"impactAmount-error\"", "id=\"status-error\"", "value=\"forty\"")
                .doesNotContain("id=\"impactSummary-error\"");

        HttpResponse<String> saved = maya.submit(
                refused.body(),
                "/ideas/" + ideaId + "/status",
                Map.of(
                        "status", "IMPLEMENTED",
                        "impactSummary", "Faster",
                        "impactAmount", "40",
                        "impactUnit", "csat-points",
                        "thankYouNote", "Thanks"));
        assertThat(saved.statusCode()).isEqualTo(302);

        HttpResponse<String> implemented = maya.get("/ideas/" + ideaId);
        assertThat(implemented.body()).contains("id=\"impact-estimated\"", "id=\"impact-form\"", "Thanks");
        HttpResponse<String> measured = maya.submit(
                implemented.body(),
                "/ideas/" + ideaId + "/impact",
                Map.of("summary", "Happier", "amount", "4.5", "unit", "csat-points", "checkpointDays", "30"));
        assertThat(measured.statusCode()).isEqualTo(302);
        assertThat(maya.get("/ideas/" + ideaId + "?lang=he").body())
                .contains("id=\"impact-measurements\"", "נקודות שביעות רצון לקוחות", "dir=\"rtl\"");
        // each figure in the form its amount needs: Polish says 40 "punktów", 4,5 "punktu"
        assertThat(maya.get("/ideas/" + ideaId + "?lang=pl").body())
                .contains("40 punktów zadowolenia klientów", "4,5 punktu zadowolenia klientów")
                .doesNotContain("40 punkty");
    }

    private UUID inProgress(String title) {
        UUID ideaId = UUID.randomUUID();
        router.submit(new IdeaSubmitted(
                UUID.randomUUID(),
                ideaId,
                Instant.now(),
                IdeaSubmitted.SCHEMA_VERSION,
                title,
                "Described in enough words to be understood.",
                "customer-experience",
                SubmissionChannel.WEB,
                Submitter.person("alice"),
                department,
                "en",
                List.of()));
        router.awaitIdea("maya", ideaId);
        ok(http.postJson(
                "maya",
                "/api/ideas/" + ideaId + "/decision",
                "{\"outcome\":\"EXPLORE\",\"nextStep\":\"Try\",\"expectedBy\":\""
                        + LocalDate.now().plusDays(30) + "\"}"));
        ok(status(ideaId, "{\"status\":\"IN_PROGRESS\",\"note\":\"Started\"}"));
        return ideaId;
    }

    private UUID implemented(String title, String amount, String unit) {
        UUID ideaId = inProgress(title);
        ok(status(
                ideaId,
                "{\"status\":\"IMPLEMENTED\",\"impact\":{\"summary\":\"" + title + "\",\"amount\":\"" + amount
                        + "\",\"unit\":\"" + unit + "\"}}"));
        return ideaId;
    }

    private HttpResponse<String> status(UUID ideaId, String body) {
        return http.postJson("maya", "/api/ideas/" + ideaId + "/status", body);
    }

    private HttpResponse<String> measure(String user, UUID ideaId, String body) {
        return http.postJson(user, "/api/ideas/" + ideaId + "/impact", body);
    }

    private List<String> fields(HttpResponse<String> problem) {
        assertThat(problem.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        List<String> fields = new ArrayList<>();
        json.readTree(problem.body())
                .get("errors")
                .forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    private Document implementation(UUID ideaId) {
        Document idea = mongo.findById(ideaId, Document.class, IdeaStore.COLLECTION);
        assertThat(idea).isNotNull();
        Document implementation = idea.get("implementation", Document.class);
        assertThat(implementation).isNotNull();
        return implementation;
    }

    private boolean outboxEmpty(UUID ideaId) {
        Document idea = mongo.findById(ideaId, Document.class, IdeaStore.COLLECTION);
        return idea != null && idea.getList("outbox", Object.class, List.of()).isEmpty();
    }

    /** Every lifecycle event of the ideas the router published, in order, once their outboxes are empty. */
    private List<IdeaLifecycleEvent> lifecycleOf(Set<UUID> ideaIds) {
        await().atMost(WAIT)
                .until(() -> ideaIds.stream().allMatch(id -> {
                    Document idea = mongo.findById(id, Document.class, IdeaStore.COLLECTION);
                    return idea != null
                            && idea.getList("outbox", Object.class, List.of()).isEmpty();
                }));
        return KafkaProbe.recordsBeforeSentinel(
                        Topics.IDEAS_LIFECYCLE,
                        record -> record.key() != null
                                && !record.key().startsWith(KafkaProbe.SENTINEL_KEY_PREFIX)
                                && ideaIds.contains(UUID.fromString(record.key())))
                .stream()
                .map(record -> json.readValue(record.value(), IdeaLifecycleEvent.class))
                .toList();
    }

    private JsonNode dashboard() {
        HttpResponse<String> response = http.get("lea", "/api/dashboard");
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private List<JsonNode> departmentRows(JsonNode dashboard) {
        List<JsonNode> rows = new ArrayList<>();
        dashboard.get("benefit").forEach(row -> {
            if (department.equals(row.get("department").asString())) {
                rows.add(row);
            }
        });
        return rows;
    }

    private JsonNode benefit(JsonNode dashboard, String unit) {
        return departmentRows(dashboard).stream()
                .filter(row -> unit.equals(row.get("unit").asString()))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no benefit row for " + unit + " in " + dashboard.get("benefit")));
    }

    private static long monthFigure(JsonNode dashboard, String month, String figure) {
        for (JsonNode row : dashboard.get("implementationByMonth")) {
            if (month.equals(row.get("month").asString())) {
                return row.get(figure).asLong();
            }
        }
        throw new AssertionError("no month " + month);
    }

    private static long count(JsonNode bars, String key) {
        for (JsonNode bar : bars) {
            if (key.equals(bar.get("key").asString())) {
                return bar.get("count").asLong();
            }
        }
        return 0;
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @SuppressWarnings("unused")
    private static BigDecimal decimal(String text) {
        return new BigDecimal(text);
    }
}
