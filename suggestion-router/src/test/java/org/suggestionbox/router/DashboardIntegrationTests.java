package org.suggestionbox.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.suggestionbox.events.DecisionOutcome;
import org.suggestionbox.events.DeclineReason;
import org.suggestionbox.events.IdeaDecided;
import org.suggestionbox.events.IdeaSubmitted;
import org.suggestionbox.events.SealedIdentity;
import org.suggestionbox.events.SubmissionChannel;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.events.Topics;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.platform.directory.Role;
import org.suggestionbox.router.dashboard.Dashboard;
import org.suggestionbox.router.dashboard.DashboardRecorder;
import org.suggestionbox.router.idea.Idea;
import org.suggestionbox.router.idea.IdeaId;
import org.suggestionbox.router.storage.IdeaStore;
import org.suggestionbox.router.support.MutableClock;
import org.suggestionbox.router.support.RouterFlowTest;
import org.suggestionbox.router.support.RouterIntegrationTest;
import org.suggestionbox.router.support.TestEvents;
import org.suggestionbox.testing.KafkaProbe;
import tools.jackson.databind.JsonNode;

/**
 * The leadership dashboard against a hand-computed fixture: a fresh department of four people sends
 * five ideas through every path. Department figures are checked absolutely (nobody else is in that
 * department); company-wide figures as the difference before and after, since other tests share the
 * database.
 */
@RouterIntegrationTest
class DashboardIntegrationTests extends RouterFlowTest {

    @Autowired
    Directory directory;

    @Autowired
    DashboardRecorder recorder;

    @Autowired
    IdeaStore store;

    @Autowired
    MutableClock clock;

    private Collection<Person> originalDirectory;
    private String department;
    private String category;

    @BeforeEach
    void setUp() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        department = "Research " + suffix;
        category = "dash-" + suffix;
        originalDirectory = List.copyOf(directory.all());
        List<Person> people = new ArrayList<>(originalDirectory);
        for (int i = 1; i <= 4; i++) {
            people.add(new Person(
                    "r" + i + "-" + suffix,
                    "Researcher " + i,
                    "r" + i + "-" + suffix + "@example.org",
                    department,
                    "lea",
                    "en",
                    null,
                    null,
                    Set.of(Role.EMPLOYEE)));
        }
        directory.replace(people);
    }

    @AfterEach
    void restoreDirectory() {
        directory.replace(originalDirectory);
    }

    @Test
    void theFiguresMatchAHandComputedFixture() {
        JsonNode before = dashboard();
        String r1 = directory.all().stream()
                .filter(p -> p.id().startsWith("r1-") && department.equals(p.department()))
                .findFirst()
                .orElseThrow()
                .id();
        String r2 = r1.replace("r1-", "r2-");

        // five ideas: r1 twice, r2 twice (one a duplicate), one anonymous
        UUID declined = submit(Submitter.person(r1), SubmissionChannel.WEB, "Declined one");
        UUID implemented = submit(Submitter.person(r1), SubmissionChannel.SLACK, "Implemented one");
        UUID explored = submit(Submitter.person(r2), SubmissionChannel.WEB, "Explored one");
        UUID open =
                submit(Submitter.anonymous(new SealedIdentity("k1", "YW5vbg==")), SubmissionChannel.TEAMS, "Open one");
        UUID duplicate = submit(Submitter.person(r2), SubmissionChannel.API, "Duplicate one");
        for (UUID id : List.of(declined, implemented, explored, open, duplicate)) {
            awaitIdea(id);
        }
        String future = LocalDate.now().plusDays(30).toString();
        ok(http.postJson(
                "maya",
                "/api/ideas/" + declined + "/decision",
                "{\"outcome\":\"DECLINE\",\"reasonCode\":\"NOT_FEASIBLE\",\"explanation\":\"Cannot.\"}"));
        ok(http.postJson(
                "maya",
                "/api/ideas/" + implemented + "/decision",
                "{\"outcome\":\"EXPLORE\",\"nextStep\":\"Try\",\"expectedBy\":\"" + future + "\"}"));
        ok(http.postJson(
                "maya", "/api/ideas/" + implemented + "/status", "{\"status\":\"IN_PROGRESS\",\"note\":\"Go\"}"));
        ok(
                http.postJson(
                        "maya",
                        "/api/ideas/" + implemented + "/status",
                        "{\"status\":\"IMPLEMENTED\",\"note\":\"Done\",\"impact\":{\"summary\":\"Faster\",\"amount\":\"3\",\"unit\":\"csat-points\"}}"));
        ok(http.postJson(
                "maya",
                "/api/ideas/" + explored + "/decision",
                "{\"outcome\":\"EXPLORE\",\"nextStep\":\"Look\",\"expectedBy\":\"" + future + "\"}"));
        ok(http.postJson(
                "maya",
                "/api/ideas/" + duplicate + "/merge",
                "{\"originalId\":\"" + explored + "\",\"note\":\"Same idea\"}"));
        // the declined idea's submitter is told, twice over (a redelivery)
        byte[] delivered = events.bytes(TestEvents.deliveredToSubmitter(declined, UUID.randomUUID()));
        KafkaProbe.send(Topics.NOTIFICATIONS_DELIVERED, declined.toString(), delivered);
        KafkaProbe.send(Topics.NOTIFICATIONS_DELIVERED, declined.toString(), delivered);
        await().atMost(WAIT)
                .until(() -> store.find(new IdeaId(declined)).orElseThrow().answered());

        JsonNode after = dashboard();

        // department figures, absolute: 5 ideas this week, 2 distinct named people of 4
        String week = after.get("weeks").get(after.get("weeks").size() - 1).asString();
        JsonNode row = find(after.get("submittedByDepartment"), department);
        assertThat(row.get("perWeek").get(row.get("perWeek").size() - 1).asLong())
                .isEqualTo(5);
        assertThat(row.get("total").asLong()).isEqualTo(5);
        JsonNode participation = findBy(after.get("participation"), "department", department);
        assertThat(participation.get("headcount").asLong()).isEqualTo(4);
        assertThat(participation.get("distinctSubmitters").asLong()).isEqualTo(2);
        assertThat(participation.get("ideas").asLong()).isEqualTo(5);
        assertThat(participation.get("rate").asDouble()).isEqualTo(0.5);
        assertThat(week).matches("\\d{4}-W\\d{2}");

        // company-wide figures, as differences
        assertThat(weekDelta(before, after, "submittedByChannel", "WEB")).isEqualTo(2);
        assertThat(weekDelta(before, after, "submittedByChannel", "SLACK")).isEqualTo(1);
        assertThat(weekDelta(before, after, "submittedByChannel", "TEAMS")).isEqualTo(1);
        assertThat(weekDelta(before, after, "submittedByChannel", "API")).isEqualTo(1);
        assertThat(delta(before, after, "funnel", "SUBMITTED")).isEqualTo(5);
        assertThat(delta(before, after, "funnel", "ASSIGNED")).isEqualTo(5);
        assertThat(delta(before, after, "funnel", "DECIDED")).isEqualTo(4);
        assertThat(delta(before, after, "funnel", "EXPLORED")).isEqualTo(2);
        assertThat(delta(before, after, "funnel", "IMPLEMENTED")).isEqualTo(1);
        assertThat(delta(before, after, "declineReasons", "NOT_FEASIBLE")).isEqualTo(1);
        assertThat(delta(before, after, "declineReasons", "OUT_OF_SCOPE")).isZero();
        assertThat(after.get("decisionTime").get("decided").asLong()
                        - before.get("decisionTime").get("decided").asLong())
                .isEqualTo(4);
        assertThat(bucketDelta(before, after, "1")).isEqualTo(4);
        assertThat(after.get("answers").get("onTime").asLong()
                        - before.get("answers").get("onTime").asLong())
                .isEqualTo(1);
        assertThat(backlog(after, "maya") - backlog(before, "maya")).isEqualTo(1);
        assertThat(after.get("implementationRate").asDouble()).isPositive();
        assertThat(after.get("decisionTime").get("medianWithinHours").asLong()).isPositive();

        // the same event recorded again counts once
        Idea idea = store.find(new IdeaId(declined)).orElseThrow();
        IdeaDecided again = new IdeaDecided(
                UUID.randomUUID(),
                declined,
                Instant.now(),
                IdeaDecided.SCHEMA_VERSION,
                "t",
                idea.submitters(),
                "maya",
                "Maya Rosen",
                DecisionOutcome.DECLINE,
                DeclineReason.OUT_OF_SCOPE,
                "x",
                null,
                null);
        recorder.record(idea, again);
        recorder.record(idea, again);
        assertThat(delta(after, dashboard(), "declineReasons", "OUT_OF_SCOPE")).isEqualTo(1);

        // the undecided idea counts as overdue once its deadline has passed (to the hour: the roll-up keeps
        // deadlines by hour, so the dashboard never reads the undecided ideas themselves)
        Instant dueBy = Objects.requireNonNull(
                store.find(new IdeaId(open)).orElseThrow().answerDueBy());
        try {
            clock.setTo(dueBy.minus(Duration.ofHours(2)));
            long overdueBefore = dashboard().get("answers").get("overdueNow").asLong();
            clock.setTo(dueBy.plus(Duration.ofHours(2)));
            long overdueAfter = dashboard().get("answers").get("overdueNow").asLong();
            assertThat(overdueAfter - overdueBefore).isPositive();
        } finally {
            clock.reset();
        }
    }

    @Test
    void onlyLeadersAndAdministratorsSeeTheDashboard() {
        HttpResponse<String> alice = http.get("alice", "/api/dashboard");
        assertThat(alice.statusCode()).isEqualTo(403);
        assertThat(alice.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(http.get("maya", "/api/dashboard").statusCode()).isEqualTo(403);
        assertThat(http.get("admin", "/api/dashboard").statusCode()).isEqualTo(200);
        HttpResponse<String> refused = http.browser("alice").get("/dashboard?lang=he");
        assertThat(refused.statusCode()).isEqualTo(403);
        // what happened, why, and the way back to her own first page
        assertThat(refused.body())
                .contains("<h1 id=\"error-title\">הדף הזה אינו פתוח בפניך</h1>")
                .contains("<p id=\"error-text\">לוח המחוונים מיועד למנהלים ולמנהלי מערכת.</p>")
                .contains("<a id=\"error-home\" href=\"/\">חזרה להתחלה</a>");

        UUID ideaId = submit(Submitter.person("alice"), SubmissionChannel.WEB, "Seen on the page");
        awaitIdea(ideaId);
        HttpResponse<String> page = http.browser("lea").get("/dashboard");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "id=\"weekly-chart\"",
                        "<svg",
                        "<title>",
                        "id=\"weekly-table\"",
                        "id=\"funnel\"",
                        "id=\"participation\"",
                        "id=\"backlog\"",
                        "id=\"decline-reasons\"",
                        "data-department=\"" + department + "\"",
                        "Idea flow");
        HttpResponse<String> hebrew = http.browser("lea").get("/dashboard?lang=he");
        assertThat(hebrew.body()).contains("dir=\"rtl\"", "זרימת הרעיונות");
        assertThat(http.browser("lea").get("/dashboard?lang=pl").body()).contains("Przepływ pomysłów");
    }

    @Test
    void ideasThatCameWithoutADepartmentAreCountedUnderARowThatSaysSo() {
        UUID ideaId = submit(
                Submitter.anonymous(new SealedIdentity("k1", "YW5vbg==")), SubmissionChannel.WEB, "Nobody's", null);
        awaitIdea(ideaId);

        assertThat(dashboard().path("submittedByDepartment").findValuesAsString("key"))
                .contains(Dashboard.UNKNOWN_DEPARTMENT);
        assertThat(http.browser("lea").get("/dashboard").body())
                .contains("data-department=\"" + Dashboard.UNKNOWN_DEPARTMENT + "\"")
                .contains("<th scope=\"row\">Department not known</th>")
                .doesNotContain("<th scope=\"row\">" + Dashboard.UNKNOWN_DEPARTMENT + "</th>");
        assertThat(http.browser("lea").get("/dashboard?lang=he").body())
                .contains("<th scope=\"row\">מחלקה לא ידועה</th>");
    }

    private UUID submit(Submitter submitter, SubmissionChannel channel, String title) {
        return submit(submitter, channel, title, department);
    }

    private UUID submit(Submitter submitter, SubmissionChannel channel, String title, @Nullable String department) {
        UUID ideaId = UUID.randomUUID();
        IdeaSubmitted submitted = new IdeaSubmitted(
                UUID.randomUUID(),
                ideaId,
                Instant.now(),
                IdeaSubmitted.SCHEMA_VERSION,
                title,
                "Described in enough words to be understood.",
                category,
                channel,
                submitter,
                department,
                "en",
                List.of());
        return router.submit(submitted);
    }

    private void awaitIdea(UUID ideaId) {
        await().atMost(WAIT)
                .until(() -> http.get("maya", "/api/ideas/" + ideaId).statusCode() == 200);
    }

    private JsonNode dashboard() {
        HttpResponse<String> response = http.get("lea", "/api/dashboard");
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static long delta(JsonNode before, JsonNode after, String chart, String key) {
        return count(after.get(chart), key) - count(before.get(chart), key);
    }

    private static long bucketDelta(JsonNode before, JsonNode after, String bucket) {
        return count(after.get("decisionTime").get("histogram"), bucket)
                - count(before.get("decisionTime").get("histogram"), bucket);
    }

    private static long weekDelta(JsonNode before, JsonNode after, String chart, String key) {
        return lastWeek(find(after.get(chart), key)) - lastWeek(find(before.get(chart), key));
    }

    private static long lastWeek(JsonNode series) {
        return series == null
                ? 0
                : series.get("perWeek").get(series.get("perWeek").size() - 1).asLong();
    }

    private static long count(JsonNode bars, String key) {
        JsonNode bar = find(bars, key);
        return bar == null ? 0 : bar.get("count").asLong();
    }

    private static long backlog(JsonNode dashboard, String owner) {
        JsonNode row = findBy(dashboard.get("backlog"), "ownerId", owner);
        return row == null ? 0 : row.get("open").asLong();
    }

    private static JsonNode find(JsonNode array, String key) {
        return findBy(array, "key", key);
    }

    private static JsonNode findBy(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.get(field).asString())) {
                return node;
            }
        }
        return null;
    }
}
