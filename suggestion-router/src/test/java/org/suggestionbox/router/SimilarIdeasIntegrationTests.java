package org.suggestionbox.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.suggestionbox.events.IdeaSubmitted;
import org.suggestionbox.events.SubmissionChannel;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.router.support.RouterFlowTest;
import org.suggestionbox.router.support.RouterIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Similar ideas by text (Lucene MoreLikeThis): the owner sees the nearest earlier ideas with a score. */
@RouterIntegrationTest
class SimilarIdeasIntegrationTests extends RouterFlowTest {

    @Test
    void theNearestEarlierIdeaComesFirstWithAScore() {
        Instant now = Instant.now();
        UUID solar = submit(
                now.minusSeconds(180),
                "Solar panels on the warehouse roof",
                "Install photovoltaic solar panels on the logistics warehouse roof to cut the electricity bill.");
        UUID bikes = submit(
                now.minusSeconds(120),
                "Covered bike racks for staff",
                "Covered bicycle racks near the main entrance, so more colleagues cycle to work.");
        UUID again = submit(
                now.minusSeconds(60),
                "Photovoltaic roof",
                "Put photovoltaic panels on the warehouse roof; the sun could power the conveyor belts.");

        JsonNode idea = await().atMost(WAIT).until(() -> idea("maya", again), node -> node != null);
        List<String> ids = idea.get("similar").findValuesAsString("id");
        assertThat(ids).hasSizeLessThanOrEqualTo(3).first().isEqualTo(solar.toString());
        if (ids.contains(bikes.toString())) {
            assertThat(ids.indexOf(bikes.toString())).isGreaterThan(0);
        }
        JsonNode nearest = idea.get("similar").get(0);
        assertThat(nearest.get("title").asString()).isEqualTo("Solar panels on the warehouse roof");
        assertThat(nearest.get("score").asDouble()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
        double[] scores = java.util.stream.StreamSupport.stream(
                        idea.get("similar").spliterator(), false)
                .mapToDouble(node -> node.get("score").asDouble())
                .toArray();
        for (int i = 1; i < scores.length; i++) {
            assertThat(scores[i]).isLessThanOrEqualTo(scores[i - 1]);
        }

        // only earlier ideas: the first one has nothing of these two
        JsonNode first = idea("maya", solar);
        assertThat(first.get("similar").findValuesAsString("id")).doesNotContain(again.toString(), bikes.toString());
        // a submitter does not get the list; the owner's page shows it
        assertThat(idea("piotr", again).has("similar")).isFalse();
        assertThat(http.browser("maya").get("/ideas/" + again).body())
                .contains("id=\"similar-ideas\"", "Solar panels on the warehouse roof");
    }

    @Test
    void similarIdeasListOnlyIdeasTheViewerMayRead() {
        Instant now = Instant.now();
        UUID jans = submit(
                now.minusSeconds(120),
                "Rainwater tank for the depot washing bay",
                "Collect rainwater from the depot roof in a tank and use it in the truck washing bay.",
                "operations");
        UUID mayas = submit(
                now.minusSeconds(60),
                "Rainwater for the depot washing bay",
                "A rainwater tank on the depot roof could feed the truck washing bay.",
                "customer-experience");

        // a leader may read both, so jan's idea is similar to maya's for her
        JsonNode forLea = await().atMost(WAIT).until(() -> idea("lea", mayas), node -> node != null);
        assertThat(forLea.get("similar").findValuesAsString("id")).contains(jans.toString());
        // maya may not read jan's idea, so not its title either
        JsonNode forMaya = idea("maya", mayas);
        assertThat(forMaya.get("similar").findValuesAsString("id")).doesNotContain(jans.toString());
        assertThat(http.browser("maya").get("/ideas/" + mayas).body())
                .doesNotContain("Rainwater tank for the depot washing bay");
        assertThat(http.get("maya", "/api/ideas/" + jans).statusCode()).isEqualTo(403);
    }

    private JsonNode idea(String reader, UUID id) {
        var response = http.get(reader, "/api/ideas/" + id);
        return response.statusCode() == 200 ? json.readTree(response.body()) : null;
    }

    private UUID submit(Instant at, String title, String description) {
        return submit(at, title, description, "customer-experience");
    }

    private UUID submit(Instant at, String title, String description, String category) {
        UUID ideaId = UUID.randomUUID();
        IdeaSubmitted submitted = new IdeaSubmitted(
                UUID.randomUUID(),
                ideaId,
                at,
                IdeaSubmitted.SCHEMA_VERSION,
                title,
                description,
                category,
                SubmissionChannel.WEB,
                Submitter.person("piotr"),
                "Logistics",
                "pl",
                List.of());
        router.submit(submitted);
        await().atMost(WAIT).until(() -> idea("lea", ideaId) != null);
        return ideaId;
    }
}
