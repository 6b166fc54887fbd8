package org.suggestionbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * "Me too" across the whole pipeline: alice shares an idea with colleagues, noa, piotr and jan support it
 * on the router, maya explores it, and each supporter hears the decision exactly once, in their own inbox
 * and language. "Exactly once" is read up to a sentinel, not waited for: maya then starts work on the
 * idea, and once each supporter has that later message too, the decision must be there once.
 */
@SystemTest
class SupportersHearTheOutcomeIntegrationTests {

    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> SUPPORTERS = List.of("noa", "piotr", "jan");

    @Test
    void anIdeaSupportedByThreePeopleTellsEachOfThemItsOutcomeExactlyOnce(RunningStack stack) {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String ideaId = Ideas.submitAndAwaitQueue(
                stack,
                "alice",
                Map.of(
                        "title", "Shared callback queue for peak hours " + marker,
                        "description", "Customers leave a number at peak hours and we call back in order.",
                        "category", "customer-experience",
                        "visibility", "COMPANY"),
                "maya");
        String idea = stack.routerUrl() + "/api/ideas/" + ideaId;

        // three colleagues say "me too" (noa twice: support is idempotent)
        for (String supporter : SUPPORTERS) {
            Api.Response supported = Api.as(supporter).post(idea + "/support", Map.of());
            assertThat(supported.status())
                    .as(supporter + ": " + supported.body())
                    .isBetween(200, 299);
        }
        assertThat(Api.as("noa").post(idea + "/support", Map.of()).status()).isBetween(200, 299);
        assertThat(Api.as("maya").get(idea).json().path("supportCount").asInt()).isEqualTo(3);

        // maya explores it, then starts work on it: the second message is the sentinel
        Api.Response explored = Api.as("maya")
                .post(
                        idea + "/decision",
                        Map.of(
                                "outcome", "EXPLORE",
                                "explanation", "Peak-hour call-backs fit the new phone system (" + marker + ").",
                                "nextStep", "A two-week pilot with the evening shift",
                                "expectedBy", "2027-03-01"));
        assertThat(explored.status()).as(explored.body()).isBetween(200, 299);
        // the answer's proof changes the idea too (answered); maya moves on once it has, as a person would
        await().atMost(PIPELINE_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(
                                Api.as("maya").get(idea).json().path("answered").asBoolean())
                        .isTrue());
        Api.Response started =
                Api.as("maya").post(idea + "/status", Map.of("status", "IN_PROGRESS", "note", "Pilot starts Monday."));
        assertThat(started.status()).as(started.body()).isBetween(200, 299);

        for (String supporter : SUPPORTERS) {
            await().atMost(PIPELINE_TIMEOUT)
                    .pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> assertThat(kindsFor(stack, supporter, ideaId))
                            .as(supporter)
                            .contains("SUPPORTED_IDEA_IN_PROGRESS"));
            assertThat(kindsFor(stack, supporter, ideaId))
                    .as("%s hears the decision once and the start of work once", supporter)
                    .containsExactlyInAnyOrder("SUPPORTED_IDEA_EXPLORED", "SUPPORTED_IDEA_IN_PROGRESS");
        }
        // alice, the submitter, hears it as the submitter, not as a supporter
        assertThat(kindsFor(stack, "alice", ideaId))
                .contains("IDEA_EXPLORED")
                .doesNotContain("SUPPORTED_IDEA_EXPLORED");
    }

    private static List<String> kindsFor(RunningStack stack, String person, String ideaId) {
        Api.Response inbox = Api.as(person).getAll(stack.notifierUrl() + "/api/notifications");
        assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
        List<String> kinds = new ArrayList<>();
        for (JsonNode entry : inbox.json()) {
            if (ideaId.equals(entry.path("ideaId").asString())) {
                kinds.add(entry.path("kind").asString());
            }
        }
        return kinds;
    }
}
