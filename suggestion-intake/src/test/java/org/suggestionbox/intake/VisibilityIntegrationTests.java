package org.suggestionbox.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.suggestionbox.events.Topics;
import org.suggestionbox.testing.KafkaProbe;
import org.suggestionbox.testing.SuggestionBoxInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may see an idea, chosen at every door (form, API, Slack, Teams) and read off the real topic:
 * the choice travels on {@code IdeaSubmitted.visibility}, COMPANY when none was made, and an anonymous
 * idea that would show the name is refused at the door, never quietly changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuggestionBoxInfrastructure
class VisibilityIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ROUTER = "http://localhost:8082";

    @LocalServerPort
    int port;

    // --- the web form

    @Test
    void theFormOffersTheThreeChoicesWithCompanyPreselected() {
        HttpResponse<String> page = TestHttp.as(port, "noa").get("/ideas/new?lang=en");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "<fieldset id=\"visibility\"",
                        "<legend>Who may see your idea</legend>",
                        "Colleagues see it, without your name",
                        "Colleagues see it, with your name",
                        "Only you, the owner and leaders")
                .containsPattern("<input type=\"radio\" name=\"visibility\" id=\"visibility-COMPANY\" value=\"COMPANY\""
                        + "[^>]*checked=\"checked\"")
                .doesNotContainPattern("id=\"visibility-(COMPANY_NAMED|PRIVATE)\"[^>]*checked")
                // the note on co-submitters is for owners, who alone may choose them
                .doesNotContain("id=\"visibility-meeting\"");
        assertThat(TestHttp.as(port, "maya").get("/ideas/new?lang=en").body())
                .contains("id=\"visibility-meeting\"", "each co-submitter is named only once they agree");
    }

    @Test
    void theFormsChoiceIsOnThePublishedIdea() {
        TestHttp noa = TestHttp.as(port, "noa");
        Map<String, String> fields = IdeaFormIntegrationTests.formFields(
                noa, "Private form idea " + UUID.randomUUID(), "Only for us", "other");
        fields.put("visibility", "PRIVATE");

        String id = TestHttp.confirmedIdeaId(noa.postForm("/ideas", fields));

        assertThat(event(id).path("visibility").asString()).isEqualTo("PRIVATE");
    }

    @Test
    void aFormPostedWithoutAChoiceIsSharedWithTheCompany() {
        TestHttp noa = TestHttp.as(port, "noa");
        Map<String, String> fields = IdeaFormIntegrationTests.formFields(
                noa, "Default form idea " + UUID.randomUUID(), "No choice", "other");

        String id = TestHttp.confirmedIdeaId(noa.postForm("/ideas", fields));

        assertThat(event(id).path("visibility").asString()).isEqualTo("COMPANY");
    }

    @Test
    void anAnonymousIdeaThatWouldShowTheNameIsRefusedOnTheFormWhichKeepsTheChoice() {
        TestHttp noa = TestHttp.as(port, "noa");
        String marker = "anonymous-named-form-" + UUID.randomUUID();
        Map<String, String> fields = IdeaFormIntegrationTests.formFields(noa, "Named " + marker, "Hidden?", "other");
        fields.put("anonymous", "true");
        fields.put("visibility", "COMPANY_NAMED");

        HttpResponse<String> response = noa.postForm("/ideas?lang=en", fields);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .contains(
                        "href=\"#visibility\"",
                        "id=\"visibility-error\"",
                        "aria-describedby=\"visibility-hint visibility-error\"",
                        "An anonymous idea cannot show your name.")
                .containsPattern("id=\"visibility-COMPANY_NAMED\" value=\"COMPANY_NAMED\"[^>]*checked=\"checked\"");
        Published.assertNoIdeaContaining(marker);
    }

    @Test
    void theChoiceIsExplainedInHebrewAndPolish() {
        assertThat(TestHttp.as(port, "noa").get("/ideas/new?lang=he").body())
                .contains("dir=\"rtl\"", "מי יכול לראות את הרעיון", "עמיתים רואים אותו, בלי שמך");
        assertThat(TestHttp.as(port, "piotr").get("/ideas/new?lang=pl").body())
                .contains("Kto może zobaczyć Twój pomysł", "Tylko Ty, właściciel obszaru i kierownictwo");
    }

    // --- the JSON API

    @Test
    void theApisChoiceIsOnThePublishedIdeaAndCompanyWhenMissing() {
        TestHttp maya = TestHttp.as(port, "maya");

        String named = TestHttp.acceptedIdeaId(maya.postJson(
                "/api/ideas",
                IdeaIntakeIntegrationTests.json(Map.of(
                        "title", "Named API idea " + UUID.randomUUID(),
                        "description", "With my name",
                        "visibility", "COMPANY_NAMED"))));
        String unchosen = TestHttp.acceptedIdeaId(maya.postJson(
                "/api/ideas",
                IdeaIntakeIntegrationTests.json(
                        Map.of("title", "Plain API idea " + UUID.randomUUID(), "description", "No choice"))));

        assertThat(event(named).path("visibility").asString()).isEqualTo("COMPANY_NAMED");
        assertThat(event(unchosen).path("visibility").asString()).isEqualTo("COMPANY");
    }

    @Test
    void anUnknownVisibilityOrAnAnonymousNamedIdeaIsRefusedByTheApiOnTheVisibilityField() {
        TestHttp maya = TestHttp.as(port, "maya");
        String marker = "refused-visibility-" + UUID.randomUUID();

        HttpResponse<String> unknown = maya.postJson(
                "/api/ideas",
                IdeaIntakeIntegrationTests.json(
                        Map.of("title", "Unknown " + marker, "description", "Who sees it?", "visibility", "PUBLIC")));
        HttpResponse<String> anonymousNamed = maya.postJson(
                "/api/ideas",
                IdeaIntakeIntegrationTests.json(Map.of(
                        "title",
                        "Anonymous " + marker,
                        "description",
                        "Named?",
                        "anonymous",
                        true,
                        "visibility",
                        "COMPANY_NAMED")));

        assertThat(List.of(unknown, anonymousNamed)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(response.body()).path("errors"))
                    .singleElement()
                    .satisfies(
                            error -> assertThat(error.path("field").asString()).isEqualTo("visibility"));
        });
        assertThat(JSON.readTree(unknown.body())
                        .path("errors")
                        .get(0)
                        .path("message")
                        .asString())
                .isEqualTo("Choose who may see the idea: one of COMPANY, COMPANY_NAMED, PRIVATE.");
        assertThat(JSON.readTree(anonymousNamed.body())
                        .path("errors")
                        .get(0)
                        .path("message")
                        .asString())
                .startsWith("An anonymous idea cannot show your name.");
        Published.assertNoIdeaContaining(marker);
    }

    @Test
    void anIdempotencyKeyReusedWithAnotherVisibilityIsRefused() {
        TestHttp maya = TestHttp.as(port, "maya");
        String key = "visibility-" + UUID.randomUUID();
        Map<String, Object> idea =
                new java.util.LinkedHashMap<>(Map.of("title", "Keyed " + key, "description", "Same text"));
        idea.put("visibility", "PRIVATE");
        String asPrivate = IdeaIntakeIntegrationTests.json(idea);
        idea.put("visibility", "COMPANY");
        String asCompany = IdeaIntakeIntegrationTests.json(idea);

        HttpResponse<String> first = maya.postJson("/api/ideas", asPrivate, "Idempotency-Key", key);
        HttpResponse<String> repeated = maya.postJson("/api/ideas", asPrivate, "Idempotency-Key", key);
        HttpResponse<String> changed = maya.postJson("/api/ideas", asCompany, "Idempotency-Key", key);

        String id = TestHttp.acceptedIdeaId(first);
        assertThat(TestHttp.acceptedIdeaId(repeated)).isEqualTo(id);
        assertThat(changed.statusCode()).isEqualTo(422);
        assertThat(Published.ideasKeyed(id))
                .singleElement()
                .satisfies(record -> assertThat(
                                JSON.readTree(record.value()).path("visibility").asString())
                        .isEqualTo("PRIVATE"));
    }

    @Test
    void theOpenApiDocumentNamesTheThreeVisibilities() {
        JsonNode document =
                JSON.readTree(TestHttp.anonymous(port).get("/v3/api-docs").body());

        JsonNode visibility = document.path("components")
                .path("schemas")
                .path("SubmitIdeaRequest")
                .path("properties")
                .path("visibility");
        assertThat(visibility.path("enum").valueStream().map(JsonNode::asString))
                .containsExactly("COMPANY", "COMPANY_NAMED", "PRIVATE");
        assertThat(visibility.path("default").asString()).isEqualTo("COMPANY");
    }

    // --- Slack

    @Test
    void theSlackModalsChoiceIsOnThePublishedIdea() {
        String marker = UUID.randomUUID().toString();

        HttpResponse<String> response = ChatHttp.postToSlack(
                port,
                ChatHttp.interactivity(SlackIntegrationTests.viewSubmission(
                        "V" + marker.substring(0, 8),
                        "U0NOA",
                        "Private modal idea " + marker,
                        "Only for the owner",
                        "operations",
                        true,
                        "PRIVATE")));

        assertThat(JSON.readTree(response.body()).path("response_action").asString())
                .isEqualTo("clear");
        assertThat(Published.ideasContaining(marker)).singleElement().satisfies(record -> {
            JsonNode event = JSON.readTree(record.value());
            assertThat(event.path("visibility").asString()).isEqualTo("PRIVATE");
            assertThat(event.path("submitter").has("sealedIdentity")).isTrue();
        });
    }

    @Test
    void anAnonymousSlackModalThatWouldShowTheNameIsAnsweredUnderTheChoice() {
        String marker = UUID.randomUUID().toString();

        HttpResponse<String> response = ChatHttp.postToSlack(
                port,
                ChatHttp.interactivity(SlackIntegrationTests.viewSubmission(
                        "V" + marker.substring(0, 8),
                        "U0ALICE",
                        "Named modal idea " + marker,
                        "Anonymous and named",
                        "operations",
                        true,
                        "COMPANY_NAMED")));

        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("response_action").asString()).isEqualTo("errors");
        assertThat(answer.path("errors").path("visibility").asString())
                .startsWith("An anonymous idea cannot show your name.");
        Published.assertNoIdeaContaining(marker);
    }

    @Test
    void theSlashCommandTakesALeadingVisibilityKeyword() {
        String marker = UUID.randomUUID().toString();

        HttpResponse<String> response = ChatHttp.postToSlack(
                port,
                ChatHttp.form(ChatHttp.slashCommand(
                        "U0ALICE",
                        "alice",
                        "named: workplace Standing desks " + marker,
                        SlackIntegrationTests.trigger(),
                        FakeSlackApi.responseUrl(marker))));

        // on a busy machine the answer may come later through the response URL, so the idea is awaited
        assertThat(response.statusCode()).isEqualTo(200);
        List<ConsumerRecord<String, byte[]>> records = KafkaProbe.awaitRecords(
                Topics.IDEAS_SUBMITTED, 1, Duration.ofSeconds(20), Published.containing(marker));
        assertThat(records).hasSize(1);
        JsonNode event = JSON.readTree(records.getFirst().value());
        assertThat(event.path("visibility").asString()).isEqualTo("COMPANY_NAMED");
        assertThat(event.path("category").asString()).isEqualTo("workplace");
        assertThat(event.path("title").asString()).isEqualTo("Standing desks " + marker);
    }

    // --- Teams

    @Test
    void aTeamsMessageTakesALeadingVisibilityKeywordAndIsCompanyWithout() {
        String marker = UUID.randomUUID().toString();
        String chosen = ChatHttp.teamsActivity(
                TeamsIntegrationTests.activityId(),
                "29:alice",
                "Alice Walker",
                "<at>Suggestion Box</at> private: Quieter corridors " + marker);
        String unchosen = ChatHttp.teamsActivity(
                TeamsIntegrationTests.activityId(),
                "29:alice",
                "Alice Walker",
                "<at>Suggestion Box</at> Brighter corridors " + marker);

        String privateId =
                ChatHttp.ideaId(JSON.readTree(teams(chosen).body()).path("text").asString());
        String companyId = ChatHttp.ideaId(
                JSON.readTree(teams(unchosen).body()).path("text").asString());

        assertThat(event(privateId).path("visibility").asString()).isEqualTo("PRIVATE");
        assertThat(event(privateId).path("title").asString()).isEqualTo("Quieter corridors " + marker);
        assertThat(event(companyId).path("visibility").asString()).isEqualTo("COMPANY");
    }

    @Test
    void theChatUsageNamesTheVisibilityKeywords() {
        String body = ChatHttp.teamsActivity(
                TeamsIntegrationTests.activityId(), "29:alice", "Alice Walker", "<at>Suggestion Box</at> hi");

        assertThat(JSON.readTree(teams(body).body()).path("text").asString())
                .contains("was not recorded", "company:", "named:", "private:");
    }

    // --- the page's policy and the similar-ideas box

    @Test
    void theFormPageMayConnectToTheRouterAndNowhereElse() {
        TestHttp noa = TestHttp.as(port, "noa");
        String everyPage = noa.get("/api/ideas/00000000-0000-0000-0000-000000000000")
                .headers()
                .firstValue("Content-Security-Policy")
                .orElseThrow();
        Map<String, String> fields = IdeaFormIntegrationTests.formFields(noa, "Abc", "Too short a title", "other");

        HttpResponse<String> form = noa.get("/ideas/new");
        HttpResponse<String> rerendered = noa.postForm("/ideas", fields);

        assertThat(rerendered.statusCode()).isEqualTo(422);
        assertThat(List.of(form, rerendered))
                .allSatisfy(page -> assertThat(page.headers().allValues("Content-Security-Policy"))
                        .containsExactly(everyPage + "; connect-src 'self' " + ROUTER));
        assertThat(directives(everyPage)).noneMatch(directive -> directive.startsWith("connect-src"));
    }

    @Test
    void theFormPageHoldsALiveRegionForSimilarIdeasAndItsScript() {
        HttpResponse<String> page = TestHttp.as(port, "noa").get("/ideas/new?lang=en");

        assertThat(page.body())
                .contains(
                        "<div id=\"similar-ideas\" aria-live=\"polite\"",
                        "data-similar-url=\"" + ROUTER + "/api/ideas/similar\"",
                        "data-supporters=\"Supporters: {0}\"",
                        "Support this one instead?",
                        "<script src=\"/js/similar-ideas.js\" defer></script>");
        HttpResponse<String> script = TestHttp.as(port, "noa").get("/js/similar-ideas.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("credentials: 'include'");
    }

    private HttpResponse<String> teams(String body) {
        HttpResponse<String> response =
                ChatHttp.postToTeams(port, body, ChatHttp.teamsSignature(ChatHttp.TEAMS_SECURITY_TOKEN, body));
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private static JsonNode event(String ideaId) {
        return JSON.readTree(Published.onlyIdea(ideaId).value());
    }

    private static List<String> directives(String policy) {
        return Arrays.stream(policy.split(";")).map(String::strip).toList();
    }
}
