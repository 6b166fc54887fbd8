package org.suggestionbox.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.suggestionbox.testing.SuggestionBoxInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Owners submit an idea on behalf of a team meeting, with co-submitters who hear the outcome too. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuggestionBoxInfrastructure
class TeamMeetingIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void ownerSeesTheTeamMeetingFieldsetWithEveryoneElseFromTheDirectory() {
        HttpResponse<String> response = TestHttp.as(port, "maya").get("/ideas/new");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains(
                        "<fieldset id=\"team-meeting\"",
                        "<legend>On behalf of a team meeting</legend>",
                        "id=\"onBehalfOfMeeting\"",
                        "name=\"onBehalfOfMeeting\"",
                        "<label for=\"onBehalfOfMeeting\">This idea comes from a team meeting</label>",
                        "<legend>Co-submitters (up to 20)</legend>",
                        "<label for=\"coSubmitter-alice\">Alice Walker (Customer Service)</label>",
                        "<label for=\"coSubmitter-piotr\">Piotr Nowak (Logistics)</label>")
                .containsPattern(
                        "type=\"checkbox\" name=\"coSubmitterIds\" id=\"coSubmitter-alice\"\\s+value=\"alice\">")
                .doesNotContain("id=\"coSubmitter-maya\"");
    }

    @Test
    void teamMeetingFieldsetIsTranslated() {
        assertThat(TestHttp.as(port, "jan").get("/ideas/new").body())
                .contains("W imieniu spotkania zespołu", "Współautorzy (najwyżej 20)", "id=\"coSubmitter-maya\"")
                .doesNotContain("id=\"coSubmitter-jan\"");
        assertThat(TestHttp.as(port, "maya").get("/ideas/new?lang=he").body())
                .contains("dir=\"rtl\"", "בשם ישיבת צוות", "שותפים להגשה (עד 20)");
    }

    @Test
    void employeeWhoIsNoOwnerDoesNotSeeTheFieldset() {
        HttpResponse<String> response = TestHttp.as(port, "alice").get("/ideas/new");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("id=\"idea-form\"")
                .doesNotContain("team-meeting", "onBehalfOfMeeting", "coSubmitterIds");
    }

    @Test
    void ownerSubmitsTheFormWithTwoCoSubmittersWhoAreOnTheRecord() {
        TestHttp maya = TestHttp.as(port, "maya");
        List<Map.Entry<String, String>> fields = formFields(maya, "Meeting idea " + UUID.randomUUID());
        fields.add(Map.entry("onBehalfOfMeeting", "true"));
        fields.add(Map.entry("coSubmitterIds", "alice"));
        fields.add(Map.entry("coSubmitterIds", "noa"));

        HttpResponse<String> posted = maya.postForm("/ideas", fields);

        JsonNode event = onlyEvent(TestHttp.confirmedIdeaId(posted));
        assertThat(event.path("submitter").path("personId").asString()).isEqualTo("maya");
        assertThat(ids(event.path("coSubmitterIds"))).containsExactly("alice", "noa");
    }

    @Test
    void coSubmittersChosenWithoutTheTickAreNotTaken() {
        TestHttp maya = TestHttp.as(port, "maya");
        List<Map.Entry<String, String>> fields = formFields(maya, "Not from a meeting " + UUID.randomUUID());
        fields.add(Map.entry("coSubmitterIds", "alice"));

        HttpResponse<String> posted = maya.postForm("/ideas", fields);

        assertThat(ids(onlyEvent(TestHttp.confirmedIdeaId(posted)).path("coSubmitterIds")))
                .isEmpty();
    }

    @Test
    void formThatIsAnonymousAndFromATeamMeetingIsShownTheReasonAndKeepsTheChoice() {
        TestHttp maya = TestHttp.as(port, "maya");
        List<Map.Entry<String, String>> fields = formFields(maya, "Anonymous meeting " + UUID.randomUUID());
        fields.add(Map.entry("anonymous", "true"));
        fields.add(Map.entry("onBehalfOfMeeting", "true"));
        fields.add(Map.entry("coSubmitterIds", "piotr"));

        HttpResponse<String> response = maya.postForm("/ideas", fields);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .contains(
                        "id=\"coSubmitterIds-error\"",
                        "href=\"#coSubmitterIds\"",
                        "cannot be both anonymous and from a team meeting",
                        "would reveal who was in the meeting")
                .containsPattern("id=\"coSubmitter-piotr\"\\s+value=\"piotr\" checked=\"checked\"");
    }

    @Test
    void ownerTickingTheMeetingWithoutChoosingAnyoneIsAskedToChoose() {
        TestHttp jan = TestHttp.as(port, "jan");
        List<Map.Entry<String, String>> fields = formFields(jan, "Meeting, nobody chosen " + UUID.randomUUID());
        fields.add(Map.entry("onBehalfOfMeeting", "true"));

        HttpResponse<String> response = jan.postForm("/ideas", fields);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("Wybierz co najmniej jednego współautora ze spotkania.");
    }

    @Test
    void employeeSendingCoSubmittersThroughTheApiIsRefused() {
        String marker = UUID.randomUUID().toString();

        HttpResponse<String> response = TestHttp.as(port, "alice")
                .postJson("/api/ideas", json("Not an owner " + marker, false, List.of("noa")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fieldErrors(response))
                .containsExactly("coSubmitterIds: Only owners may submit an idea on behalf of a team meeting.");
        Published.assertNoIdeaContaining(marker);
    }

    @Test
    void anonymousIdeaWithCoSubmittersIsRefusedThroughTheApi() {
        String marker = UUID.randomUUID().toString();

        HttpResponse<String> response = TestHttp.as(port, "maya")
                .postJson("/api/ideas", json("Anonymous meeting " + marker, true, List.of("alice")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(fieldErrors(response))
                .singleElement()
                .asString()
                .startsWith("coSubmitterIds: An idea cannot be both anonymous and from a team meeting")
                .contains("would reveal who was in the meeting");
        Published.assertNoIdeaContaining(marker);
    }

    @Test
    void unknownAndTooManyCoSubmittersAreRefused() {
        TestHttp jan = TestHttp.as(port, "jan");
        List<String> many = new ArrayList<>(
                IntStream.rangeClosed(1, 21).mapToObj(i -> "person-" + i).toList());

        HttpResponse<String> unknown = jan.postJson(
                "/api/ideas", json("Unknown people " + UUID.randomUUID(), false, List.of("piotr", "nobody-here")));
        HttpResponse<String> tooMany =
                jan.postJson("/api/ideas", json("Too many people " + UUID.randomUUID(), false, many));

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(fieldErrors(unknown))
                .containsExactly("coSubmitterIds: Tych współautorów nie ma w katalogu pracowników firmy: nobody-here");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(fieldErrors(tooMany))
                .containsExactly("coSubmitterIds: Możesz wybrać najwyżej 20 współautorów; wybrano 21.");
    }

    @Test
    void ownerSubmitsThroughTheApiWithDuplicatesAndThemselvesDropped() {
        HttpResponse<String> response = TestHttp.as(port, "jan")
                .postJson(
                        "/api/ideas",
                        json("Meeting via API " + UUID.randomUUID(), false, List.of("piotr", "lea", "piotr", "jan")));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode event = onlyEvent(JSON.readTree(response.body()).path("id").asString());
        assertThat(ids(event.path("coSubmitterIds"))).containsExactly("piotr", "lea");
    }

    private static List<Map.Entry<String, String>> formFields(TestHttp client, String title) {
        HttpResponse<String> form = client.get("/ideas/new");
        assertThat(form.statusCode()).isEqualTo(200);
        List<Map.Entry<String, String>> fields =
                new ArrayList<>(TestHttp.hiddenFields(form.body()).entrySet());
        fields.add(Map.entry("title", title));
        fields.add(Map.entry("description", "Came up in our weekly team meeting."));
        fields.add(Map.entry("category", "operations"));
        return fields;
    }

    private static String json(String title, boolean anonymous, List<String> coSubmitterIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", "Came up in our weekly team meeting.");
        body.put("anonymous", anonymous);
        body.put("coSubmitterIds", coSubmitterIds);
        return JSON.writeValueAsString(body);
    }

    private static List<String> fieldErrors(HttpResponse<String> response) {
        List<String> errors = new ArrayList<>();
        JSON.readTree(response.body())
                .path("errors")
                .forEach(error -> errors.add(error.path("field").asString() + ": "
                        + error.path("message").asString()));
        return errors;
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(id -> ids.add(id.asString()));
        return ids;
    }

    private static JsonNode onlyEvent(String id) {
        return JSON.readTree(Published.onlyIdea(id).value());
    }
}
