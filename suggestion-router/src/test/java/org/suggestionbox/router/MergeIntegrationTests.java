package org.suggestionbox.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.suggestionbox.events.CloudEventHeaders;
import org.suggestionbox.events.Topics;
import org.suggestionbox.router.storage.IdeaStore;
import org.suggestionbox.router.support.RouterFlowTest;
import org.suggestionbox.router.support.RouterHttp;
import org.suggestionbox.router.support.RouterIntegrationTest;
import org.suggestionbox.testing.KafkaProbe;
import tools.jackson.databind.JsonNode;

/** Merging a duplicate: its submitters join the original, are told, and then hear the original's outcome. */
@RouterIntegrationTest
class MergeIntegrationTests extends RouterFlowTest {

    private static final String MERGED_TYPE = "org.suggestionbox.IdeaMergedAsDuplicate.v1";
    private static final String DECIDED_TYPE = "org.suggestionbox.IdeaDecided.v1";

    @Test
    void theOwnerMergesADuplicateAndItsSubmittersFollowTheOriginal() {
        UUID original = submit("alice", "Self-service returns portal");
        UUID duplicate = submit("noa", "Let customers print return labels");
        awaitIdea(original);
        awaitIdea(duplicate);
        String merge = "/api/ideas/" + duplicate + "/merge";

        // only the duplicate's owner, and only into another existing idea
        assertThat(http.postJson("jan", merge, "{\"originalId\":\"" + original + "\"}")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> unknown = http.postJson("maya", merge, "{\"originalId\":\"" + UUID.randomUUID() + "\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).get("errors").findValuesAsString("field"))
                .containsExactly("originalId");
        assertThat(http.postJson("maya", merge, "{\"originalId\":\"" + duplicate + "\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.postJson("maya", merge, "{}").statusCode()).isEqualTo(400);

        // the merge
        HttpResponse<String> merged =
                http.postJson("maya", merge, "{\"originalId\":\"" + original + "\",\"note\":\"Same portal\"}");
        assertThat(merged.statusCode()).isEqualTo(200);
        JsonNode view = json.readTree(merged.body());
        assertThat(view.get("state").asString()).isEqualTo("MERGED");
        assertThat(view.get("history").findValuesAsString("why")).contains("Self-service returns portal — Same portal");

        JsonNode event =
                json.readTree(lifecycle(duplicate, MERGED_TYPE, 1).getFirst().value());
        assertThat(event.get("originalIdeaId").asString()).isEqualTo(original.toString());
        assertThat(event.get("originalTitle").asString()).isEqualTo("Self-service returns portal");
        assertThat(event.get("submitters").findValuesAsString("personId")).containsExactly("noa");
        assertThat(event.get("ownerId").asString()).isEqualTo("maya");

        // the original gained noa, once, and she may follow it
        assertThat(submitterIds(original)).containsExactly("alice", "noa");
        assertThat(http.get("noa", "/api/ideas/" + original).statusCode()).isEqualTo(200);
        assertThat(json.readTree(http.get("noa", "/api/my-ideas").body()).findValuesAsString("id"))
                .contains(original.toString());

        // merging again is refused and adds nobody
        assertThat(http.postJson("maya", merge, "{\"originalId\":\"" + original + "\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(submitterIds(original)).containsExactly("alice", "noa");
        // an idea cannot be merged into a merged one
        UUID third = submit("piotr", "Returns portal again");
        awaitIdea(third);
        assertThat(http.postJson("maya", "/api/ideas/" + third + "/merge", "{\"originalId\":\"" + duplicate + "\"}")
                        .statusCode())
                .isEqualTo(400);

        // the original's decision reaches both submitters
        assertThat(http.postJson(
                                "maya",
                                "/api/ideas/" + original + "/decision",
                                "{\"outcome\":\"DECLINE\",\"reasonCode\":\"ALREADY_PLANNED\",\"explanation\":\"Coming in May.\"}")
                        .statusCode())
                .isEqualTo(200);
        JsonNode decided =
                json.readTree(lifecycle(original, DECIDED_TYPE, 1).getFirst().value());
        assertThat(decided.get("submitters").findValuesAsString("personId")).containsExactly("alice", "noa");
    }

    @Test
    void theOwnerMergesFromTheIdeaPage() {
        UUID original = submit("alice", "Dark mode for the agent desk");
        UUID duplicate = submit("noa", "Night theme for agents");
        awaitIdea(original);
        awaitIdea(duplicate);
        RouterHttp.Browser maya = http.browser("maya");

        HttpResponse<String> page = maya.get("/ideas/" + duplicate);
        assertThat(page.body())
                .contains("id=\"merge-form\"", "id=\"merge-search\"", "id=\"merge-button\"")
                .doesNotContain("pattern=\"[0-9a-fA-F\\-]{36}\"");

        // the original is picked from what the search box finds, not typed as an id
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(maya.get("/ideas/" + duplicate + "?mergeQuery=dark+mode+desk")
                                .body())
                        .contains("id=\"original-" + original + "\"")
                        .contains("value=\"" + original + "\"")
                        .doesNotContain("id=\"original-" + duplicate + "\""));

        HttpResponse<String> wrong = maya.submit(
                page.body(), "/ideas/" + duplicate + "/merge", Map.of("originalId", "not-an-id", "note", ""));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("id=\"merge-error\"");

        HttpResponse<String> done = maya.submit(
                wrong.body(),
                "/ideas/" + duplicate + "/merge",
                Map.of("originalId", original.toString(), "note", "Same wish"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(maya.get("/ideas/" + duplicate + "?merged").body())
                .contains("data-state=\"MERGED\"")
                .doesNotContain("id=\"merge-form\"");
        assertThat(submitterIds(original)).containsExactly("alice", "noa");
    }

    @Test
    void aMergeNeedsTheCallerToOwnOrAdministerBothIdeas() {
        UUID mayas = submit("alice", "Shorter hold music loop", "customer-experience");
        UUID jans = submit("piotr", "Shorter forklift charging breaks", "operations");
        awaitIdea(mayas);
        await().atMost(WAIT).until(() -> http.get("jan", "/api/ideas/" + jans).statusCode() == 200);

        // maya owns the duplicate but not the original: merging would make her idea's submitters readers of jan's
        assertThat(http.postJson("maya", "/api/ideas/" + mayas + "/merge", "{\"originalId\":\"" + jans + "\"}")
                        .statusCode())
                .isEqualTo(403);
        RouterHttp.Browser maya = http.browser("maya");
        HttpResponse<String> page = maya.get("/ideas/" + mayas);
        assertThat(maya.submit(
                                page.body(),
                                "/ideas/" + mayas + "/merge",
                                Map.of("originalId", jans.toString(), "note", ""))
                        .statusCode())
                .isEqualTo(403);
        // jan owns the original but not the duplicate
        assertThat(http.postJson("jan", "/api/ideas/" + mayas + "/merge", "{\"originalId\":\"" + jans + "\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(submitterIds(jans)).containsExactly("piotr");
        assertThat(http.get("maya", "/api/ideas/" + jans).statusCode()).isEqualTo(403);
        assertThat(http.get("alice", "/api/ideas/" + jans).statusCode()).isEqualTo(403);

        // an administrator administers both
        assertThat(http.postJson("admin", "/api/ideas/" + mayas + "/merge", "{\"originalId\":\"" + jans + "\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(submitterIds(jans)).containsExactly("piotr", "alice");
    }

    private List<String> submitterIds(UUID ideaId) {
        Document document = mongo.findById(ideaId, Document.class, IdeaStore.COLLECTION);
        assertThat(document).isNotNull();
        return document.getList("submitters", Document.class).stream()
                .map(s -> s.getString("personId"))
                .toList();
    }

    private UUID submit(String submitter, String title) {
        return submit(submitter, title, "customer-experience");
    }

    private UUID submit(String submitter, String title, String category) {
        return router.submit(category, submitter, title);
    }

    private void awaitIdea(UUID ideaId) {
        await().atMost(WAIT)
                .until(() -> http.get("maya", "/api/ideas/" + ideaId).statusCode() == 200);
    }

    private static List<ConsumerRecord<String, byte[]>> lifecycle(UUID ideaId, String type, int expected) {
        return KafkaProbe.awaitRecords(
                Topics.IDEAS_LIFECYCLE,
                expected,
                WAIT,
                record -> ideaId.toString().equals(record.key())
                        && type.equals(KafkaProbe.header(record, CloudEventHeaders.TYPE)));
    }
}
