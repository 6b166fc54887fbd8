package org.suggestionbox.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.events.Topics;
import org.suggestionbox.router.support.RouterHttp;
import org.suggestionbox.router.support.RouterIntegrationTest;
import org.suggestionbox.router.support.TestEvents;
import org.suggestionbox.testing.KafkaProbe;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The owner queue and "my ideas" are cursor-paged: same order page by page, bounded, bad paging refused. */
@RouterIntegrationTest
class QueuePagingIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    private RouterHttp http;
    private TestEvents events;

    @BeforeEach
    void setUp() {
        http = new RouterHttp(port);
        events = new TestEvents(json);
    }

    @Test
    void walkingTheQueueAndMyIdeasTwoAtATimeGivesTheSameOrderAsOnePage() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID ideaId = UUID.randomUUID();
            KafkaProbe.send(
                    Topics.IDEAS_SUBMITTED,
                    ideaId.toString(),
                    events.bytes(TestEvents.submitted(
                            ideaId, "customer-experience", Submitter.person("lea"), "Paged idea " + i)));
            mine.add(ideaId.toString());
        }
        await().atMost(WAIT)
                .until(() -> ids(page("maya", "/api/queue?limit=200")).containsAll(mine));

        List<String> onePage = ids(page("maya", "/api/queue?limit=200"));
        assertThat(walk("maya", "/api/queue", 2)).isEqualTo(onePage).containsAll(mine);
        assertThat(walk("maya", "/api/queue?category=CUSTOMER-EXPERIENCE", 2))
                .isEqualTo(ids(page("maya", "/api/queue?category=customer-experience&limit=200")))
                .containsAll(mine);

        await().atMost(WAIT)
                .until(() -> ids(page("lea", "/api/my-ideas?limit=200")).containsAll(mine));
        List<String> leaOnePage = ids(page("lea", "/api/my-ideas?limit=200"));
        assertThat(walk("lea", "/api/my-ideas", 2)).isEqualTo(leaOnePage).containsAll(mine);

        JsonNode first = page("maya", "/api/queue");
        assertThat(first.get("items").size()).isLessThanOrEqualTo(50);
        String queuePage = http.get("maya", "/queue?limit=2").body();
        assertThat(queuePage).contains("rel=\"next\"").contains("Next page").contains("cursor=");
    }

    @Test
    void aLimitOutOfRangeOrATamperedCursorIsABadRequest() {
        String notOurs = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("c1\u001fX\u001f\u001fnot-a-uuid".getBytes(StandardCharsets.UTF_8));
        for (String query : List.of(
                "limit=0",
                "limit=201",
                "limit=-1",
                "limit=abc",
                "cursor=%25%25%25",
                "cursor=" + notOurs,
                "cursor=" + URLEncoder.encode("x".repeat(2000), StandardCharsets.UTF_8))) {
            for (String path : List.of("/api/queue?", "/api/my-ideas?")) {
                HttpResponse<String> response = http.get("maya", path + query);
                assertThat(response.statusCode()).as(path + query).isEqualTo(400);
                assertThat(response.headers().firstValue("Content-Type"))
                        .as(path + query)
                        .hasValue("application/problem+json");
            }
            assertThat(http.get("maya", "/queue?" + query).statusCode())
                    .as("/queue?" + query)
                    .isEqualTo(400);
        }
        assertThat(http.get("maya", "/api/queue?limit=200").statusCode()).isEqualTo(200);
        HttpResponse<String> nul = http.get("maya", "/api/queue?category=%00");
        assertThat(nul.statusCode()).as(nul.body()).isEqualTo(200);
        assertThat(json.readTree(nul.body()).get("items").isEmpty()).isTrue();
    }

    @Test
    void aCategoryFilterOverOneHundredCharactersIsRefusedNamingItAsTheWallRefusesIts() {
        String tooLong = "c".repeat(101);

        HttpResponse<String> refused = http.get("maya", "/api/queue?category=" + tooLong);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("category");
        assertThat(problem.get("errors").findValuesAsString("message")).containsExactly("At most 100 characters.");
        assertThat(http.get("maya", "/api/queue?sort=support&category=" + tooLong)
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.get("maya", "/api/queue?category=" + "c".repeat(100)).statusCode())
                .isEqualTo(200);

        // the page answers like a bad state or cursor: its error page, here saying what was wrong
        HttpResponse<String> page = http.get("maya", "/queue?category=" + tooLong);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("The category filter is too long: at most 100 characters.");
        assertThat(http.get("maya", "/queue?state=NOT_A_STATE").statusCode()).isEqualTo(400);
    }

    private List<String> walk(String user, String path, int limit) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        String separator = path.contains("?") ? "&" : "?";
        do {
            JsonNode page =
                    page(user, path + separator + "limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.get("items").size()).isLessThanOrEqualTo(limit);
            seen.addAll(ids(page));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asString();
        } while (cursor != null);
        return seen;
    }

    private JsonNode page(String user, String path) {
        HttpResponse<String> response = http.get(user, path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
