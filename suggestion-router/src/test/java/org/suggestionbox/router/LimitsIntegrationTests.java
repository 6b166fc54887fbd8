package org.suggestionbox.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.suggestionbox.events.IdeaSubmitted;
import org.suggestionbox.events.SubmissionChannel;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.router.storage.IdeaStore;
import org.suggestionbox.router.support.RouterFlowTest;
import org.suggestionbox.router.support.RouterHttp;
import org.suggestionbox.router.support.RouterIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Limits on what owners send (issue 12): a body over 64 KB is refused before any work, free text over
 * 5,000 characters is refused naming the field, and nothing is half-saved. And limits on what an idea keeps,
 * so its document cannot outgrow MongoDB's 16 MB: hand-overs, measured benefits and the submitters merges
 * bring, each refused naming its rule, on the API and on the page.
 */
@RouterIntegrationTest
class LimitsIntegrationTests extends RouterFlowTest {

    private static final String DECLINE =
            "{\"outcome\":\"DECLINE\",\"reasonCode\":\"COST_EXCEEDS_BENEFIT\",\"explanation\":\"%s\"}";

    @Test
    void aDeclineExplanationOfMoreThanAMegabyteIsRefusedWithProblemDetails() {
        UUID ideaId = router.submit("customer-experience", "alice", "Huge explanation");
        router.awaitIdea("maya", ideaId);

        HttpResponse<String> refused =
                http.postJson("maya", "/api/ideas/" + ideaId + "/decision", DECLINE.formatted("x".repeat(1_100_000)));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(refused.body()).get("status").asInt()).isEqualTo(413);
        assertThat(state(ideaId)).isEqualTo("ASSIGNED");
    }

    @Test
    void anExplanationOf5001CharactersIsRefusedNamingTheFieldAnd5000AreAccepted() {
        UUID ideaId = router.submit("customer-experience", "alice", "Long explanation");
        router.awaitIdea("maya", ideaId);
        String decision = "/api/ideas/" + ideaId + "/decision";

        HttpResponse<String> refused = http.postJson("maya", decision, DECLINE.formatted("x".repeat(5_001)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("explanation");
        assertThat(problem.get("errors").findValuesAsString("message")).containsExactly("At most 5000 characters.");
        assertThat(state(ideaId)).isEqualTo("ASSIGNED");

        HttpResponse<String> accepted = http.postJson("maya", decision, DECLINE.formatted("x".repeat(5_000)));
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(json.readTree(accepted.body())
                        .get("decision")
                        .get("explanation")
                        .asString())
                .hasSize(5_000);
    }

    @Test
    void aNextStepAndNotesOverTheLimitAreRefusedAndNothingChanges() {
        UUID ideaId = router.submit("customer-experience", "alice", "Long notes");
        router.awaitIdea("maya", ideaId);
        String tooLong = "y".repeat(5_001);

        HttpResponse<String> explore = http.postJson(
                "maya",
                "/api/ideas/" + ideaId + "/decision",
                "{\"outcome\":\"EXPLORE\",\"nextStep\":\"" + tooLong + "\",\"expectedBy\":\"2099-01-01\"}");
        HttpResponse<String> reassign = http.postJson(
                "maya", "/api/ideas/" + ideaId + "/reassign", "{\"ownerId\":\"jan\",\"note\":\"" + tooLong + "\"}");
        UUID otherId = router.submit("customer-experience", "noa", "The original");
        router.awaitIdea("maya", otherId);
        HttpResponse<String> merge = http.postJson(
                "maya",
                "/api/ideas/" + ideaId + "/merge",
                "{\"originalId\":\"" + otherId + "\",\"note\":\"" + tooLong + "\"}");

        assertThat(explore.statusCode()).isEqualTo(400);
        assertThat(json.readTree(explore.body()).get("errors").findValuesAsString("field"))
                .containsExactly("nextStep");
        assertThat(reassign.statusCode()).isEqualTo(400);
        assertThat(json.readTree(reassign.body()).get("errors").findValuesAsString("field"))
                .containsExactly("note");
        assertThat(merge.statusCode()).isEqualTo(400);
        assertThat(json.readTree(merge.body()).get("errors").findValuesAsString("field"))
                .containsExactly("note");
        JsonNode idea = json.readTree(http.get("maya", "/api/ideas/" + ideaId).body());
        assertThat(idea.get("state").asString()).isEqualTo("ASSIGNED");
        assertThat(idea.get("owner").get("id").asString()).isEqualTo("maya");
        // the original did not gain the duplicate's submitter either
        assertThat(http.get("alice", "/api/ideas/" + otherId).statusCode()).isEqualTo(403);

        // and a too long status note on an explored idea
        assertThat(http.postJson(
                                "maya",
                                "/api/ideas/" + ideaId + "/decision",
                                "{\"outcome\":\"EXPLORE\",\"nextStep\":\"Pilot\",\"expectedBy\":\"2099-01-01\"}")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> status = http.postJson(
                "maya",
                "/api/ideas/" + ideaId + "/status",
                "{\"status\":\"IN_PROGRESS\",\"note\":\"" + tooLong + "\"}");
        assertThat(status.statusCode()).isEqualTo(400);
        assertThat(json.readTree(status.body()).get("errors").findValuesAsString("field"))
                .containsExactly("note");
        assertThat(state(ideaId)).isEqualTo("EXPLORING");
    }

    @Test
    void theDecisionPageShowsATooLongExplanationAsAFieldErrorInThePagesLanguage() {
        UUID ideaId = router.submit("customer-experience", "alice", "Long explanation on the page");
        router.awaitIdea("maya", ideaId);
        RouterHttp.Browser maya = http.browser("maya");
        HttpResponse<String> page = maya.get("/ideas/" + ideaId + "?lang=pl");

        HttpResponse<String> refused = maya.submit(
                page.body(),
                "/ideas/" + ideaId + "/decision?lang=pl",
                Map.of("outcome", "DECLINE", "reasonCode", "COST_EXCEEDS_BENEFIT", "explanation", "z".repeat(5_001)));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains("id=\"explanation-error\"")
                .contains("Ten tekst jest za długi: najwyżej 5000 znaków.");
        assertThat(state(ideaId)).isEqualTo("ASSIGNED");
    }

    @Test
    void anOversizedFormGetsAPlainPageNotAnError500() {
        UUID ideaId = router.submit("customer-experience", "alice", "Oversized form");
        router.awaitIdea("maya", ideaId);
        RouterHttp.Browser maya = http.browser("maya");
        HttpResponse<String> page = maya.get("/ideas/" + ideaId);

        HttpResponse<String> refused = maya.submit(
                page.body(),
                "/ideas/" + ideaId + "/decision",
                Map.of("outcome", "DECLINE", "reasonCode", "COST_EXCEEDS_BENEFIT", "explanation", "z".repeat(70_000)));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(refused.body()).contains("id=\"request-too-large\"").contains("at most 64 KB");
        assertThat(state(ideaId)).isEqualTo("ASSIGNED");
    }

    @Test
    void anIdeaHandedOnTenTimesIsNotHandedOnAnEleventhTimeOnTheApiOrThePage() {
        UUID ideaId = router.submit("customer-experience", "alice", "Hot potato");
        router.awaitIdea("maya", ideaId);
        String owner = "maya";
        for (int i = 0; i < 10; i++) {
            String next = owner.equals("maya") ? "jan" : "maya";
            HttpResponse<String> handedOn = http.postJson(
                    owner,
                    "/api/ideas/" + ideaId + "/reassign",
                    "{\"ownerId\":\"" + next + "\",\"note\":\"" + "Yours, not mine. ".repeat(200) + "\"}");
            assertThat(handedOn.statusCode()).as(handedOn.body()).isEqualTo(200);
            owner = next;
        }

        HttpResponse<String> refused = http.postJson(
                "maya", "/api/ideas/" + ideaId + "/reassign", "{\"ownerId\":\"jan\",\"note\":\"Once more\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(refused.body()).get("errors").findValuesAsString("field"))
                .containsExactly("reassignments");

        RouterHttp.Browser maya = http.browser("maya");
        HttpResponse<String> page = maya.submit(
                maya.get("/ideas/" + ideaId).body(),
                "/ideas/" + ideaId + "/reassign",
                Map.of("ownerId", "jan", "note", "And once more"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"reassign-error\"")
                .contains("This idea has been handed on 10 times, the most an idea can be.");
        JsonNode idea = json.readTree(http.get("maya", "/api/ideas/" + ideaId).body());
        assertThat(idea.get("owner").get("id").asString()).isEqualTo("maya");
        assertThat(idea.get("history").findValuesAsString("what"))
                .filteredOn("REASSIGNED"::equals)
                .hasSize(10);
    }

    @Test
    void anIdeaKeepsTenMeasuredBenefitsAndRefusesAnEleventhOnTheApiAndThePage() {
        UUID ideaId = router.submit("customer-experience", "alice", "Measured often");
        router.awaitIdea("maya", ideaId);
        ok(http.postJson(
                "maya",
                "/api/ideas/" + ideaId + "/decision",
                "{\"outcome\":\"EXPLORE\",\"nextStep\":\"Pilot\",\"expectedBy\":\"2099-01-01\"}"));
        ok(http.postJson("maya", "/api/ideas/" + ideaId + "/status", "{\"status\":\"IN_PROGRESS\",\"note\":\"Go\"}"));
        ok(
                http.postJson(
                        "maya",
                        "/api/ideas/" + ideaId + "/status",
                        "{\"status\":\"IMPLEMENTED\",\"impact\":{\"summary\":\"Faster\",\"amount\":\"4\",\"unit\":\"csat-points\"}}"));
        String measurement = "{\"summary\":\"%s\",\"amount\":\"%d\",\"unit\":\"csat-points\"}";
        for (int i = 1; i <= 10; i++) {
            ok(http.postJson("maya", "/api/ideas/" + ideaId + "/impact", measurement.formatted("x".repeat(5_000), i)));
        }

        HttpResponse<String> refused =
                http.postJson("lea", "/api/ideas/" + ideaId + "/impact", measurement.formatted("Eleventh", 11));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get("errors").findValuesAsString("field"))
                .containsExactly("measurements");

        RouterHttp.Browser maya = http.browser("maya");
        HttpResponse<String> page = maya.submit(
                maya.get("/ideas/" + ideaId).body(),
                "/ideas/" + ideaId + "/impact",
                Map.of("summary", "Twelfth", "amount", "12", "unit", "csat-points", "checkpointDays", ""));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"impact-error\"")
                .contains("This idea has 10 measured benefits, the most an idea keeps.");
        assertThat(json.readTree(http.get("maya", "/api/ideas/" + ideaId).body())
                        .get("impact")
                        .get("measurements"))
                .hasSize(10);
    }

    @Test
    void aDuplicateIsNotMergedIntoAnIdeaItWouldGiveMoreThanAHundredSubmitters() {
        // an original with a hundred submitters: alice and 99 co-submitters
        UUID original = UUID.randomUUID();
        List<String> coSubmitters = new ArrayList<>();
        for (int i = 1; i < 100; i++) {
            coSubmitters.add("colleague-" + i);
        }
        router.submit(new IdeaSubmitted(
                UUID.randomUUID(),
                original,
                Instant.now(),
                IdeaSubmitted.SCHEMA_VERSION,
                "Crowded original",
                "Everybody had this idea.",
                "customer-experience",
                SubmissionChannel.WEB,
                Submitter.person("alice"),
                "Customer Service",
                "en",
                coSubmitters));
        UUID duplicate = router.submit("customer-experience", "noa", "One more with the same idea");
        router.awaitIdea("maya", original);
        router.awaitIdea("maya", duplicate);

        HttpResponse<String> refused =
                http.postJson("maya", "/api/ideas/" + duplicate + "/merge", "{\"originalId\":\"" + original + "\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get("errors").findValuesAsString("field"))
                .containsExactly("submitters");

        RouterHttp.Browser maya = http.browser("maya");
        HttpResponse<String> page = maya.submit(
                maya.get("/ideas/" + duplicate).body(),
                "/ideas/" + duplicate + "/merge",
                Map.of("originalId", original.toString(), "note", "Same"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"merge-error\"")
                .contains("The original idea would have more than 100 submitters");
        assertThat(state(duplicate)).isEqualTo("ASSIGNED");
        Document stored = mongo.findById(original, Document.class, IdeaStore.COLLECTION);
        assertThat(stored).isNotNull();
        assertThat(stored.getList("submitters", Document.class)).hasSize(100);
        assertThat(http.get("noa", "/api/ideas/" + original).statusCode()).isEqualTo(403);
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private String state(UUID ideaId) {
        return json.readTree(http.get("maya", "/api/ideas/" + ideaId).body())
                .get("state")
                .asString();
    }
}
