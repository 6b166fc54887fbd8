package org.suggestionbox.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.suggestionbox.testing.SuggestionBoxInfrastructure;
import org.unbescape.html.HtmlEscape;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuggestionBoxInfrastructure
class IdeaFormIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void rootLeadsToTheForm() {
        HttpResponse<String> response = TestHttp.as(port, "alice").get("/");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/ideas/new"));
    }

    @Test
    void languageSwitchOnARerenderedFormLeadsBackToTheForm() {
        TestHttp alice = TestHttp.as(port, "alice");

        HttpResponse<String> switched = alice.get("/ideas?lang=pl");
        HttpResponse<String> form = alice.get("/ideas/new");

        assertThat(switched.statusCode()).isEqualTo(302);
        assertThat(form.body()).contains("lang=\"pl\"", "Podziel się pomysłem");
    }

    @Test
    void formHasLabelledFieldsInEnglish() {
        HttpResponse<String> response = TestHttp.as(port, "alice").get("/ideas/new");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains(
                        "lang=\"en\"",
                        "dir=\"ltr\"",
                        "id=\"idea-form\"",
                        "id=\"submit-idea\"",
                        "<label for=\"title\"",
                        "<label for=\"description\"",
                        "<label for=\"category\"",
                        "<label for=\"anonymous\"",
                        "id=\"anonymous\"",
                        "name=\"anonymous\"",
                        "value=\"customer-experience\"",
                        "Customer experience",
                        "name=\"_csrf\"")
                .doesNotContain("role=\"alert\"");
    }

    @Test
    void formIsRightToLeftInHebrew() {
        HttpResponse<String> response = TestHttp.as(port, "alice").get("/ideas/new?lang=he");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("lang=\"he\"", "dir=\"rtl\"", "שיתוף רעיון", "כותרת", "חוויית לקוח");
    }

    @Test
    void formFollowsTheDirectoryLocaleAndSpeaksPolish() {
        HttpResponse<String> response = TestHttp.as(port, "piotr").get("/ideas/new");

        assertThat(response.body()).contains("lang=\"pl\"", "dir=\"ltr\"", "Podziel się pomysłem", "Tytuł");
    }

    @Test
    void shortTitleShowsAnInlineErrorAndKeepsTheText() {
        TestHttp alice = TestHttp.as(port, "alice");
        Map<String, String> fields = formFields(alice, "Abc", "Mój opis — תיאור 🌱", "operations");

        HttpResponse<String> response = alice.postForm("/ideas", fields);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .contains(
                        "role=\"alert\"",
                        "id=\"title-error\"",
                        "aria-invalid=\"true\"",
                        "aria-describedby=\"title-hint title-error\"",
                        "The title must be 5 to 120 characters long; it has 3.",
                        "value=\"Abc\"",
                        "<option value=\"operations\" selected=\"selected\"")
                .doesNotContain("id=\"description-error\"");
        assertThat(HtmlEscape.unescapeHtml(response.body())).contains(">Mój opis — תיאור 🌱</textarea>");
    }

    @Test
    void successfulSubmissionRedirectsToTheConfirmationWithTheTitleShownAsText() {
        TestHttp alice = TestHttp.as(port, "alice");
        String title = "<script>alert('x')</script> from the form " + UUID.randomUUID();

        HttpResponse<String> posted = alice.postForm("/ideas", formFields(alice, title, "Seen as text", "workplace"));

        String id = TestHttp.confirmedIdeaId(posted);

        HttpResponse<String> confirmation = alice.get("/ideas/" + id + "/submitted");
        assertThat(confirmation.statusCode()).isEqualTo(200);
        assertThat(confirmation.body())
                .contains("id=\"tracking-link\" href=\"http://localhost:8082/ideas/" + id + "\"")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; from the form")
                .doesNotContain("<script>alert");

        JsonNode event =
                JsonMapper.builder().build().readTree(Published.onlyIdea(id).value());
        assertThat(event.path("title").asString()).isEqualTo(title);
        assertThat(event.path("channel").asString()).isEqualTo("WEB");
    }

    @Test
    void postingTheSameFormTwiceRecordsOneIdea() {
        TestHttp alice = TestHttp.as(port, "alice");
        Map<String, String> fields = formFields(alice, "Double click " + UUID.randomUUID(), "Only once", "other");

        HttpResponse<String> first = alice.postForm("/ideas", fields);
        HttpResponse<String> second = alice.postForm("/ideas", fields);

        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(second.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
    }

    @Test
    void postingWithoutCsrfTokenIsRefused() {
        HttpResponse<String> response = TestHttp.as(port, "alice")
                .postForm("/ideas", Map.of("title", "No token here", "description", "Forged", "category", "other"));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    /** The form's hidden fields as the page rendered them, plus what the person typed. */
    static Map<String, String> formFields(TestHttp client, String title, String description, String category) {
        HttpResponse<String> form = client.get("/ideas/new");
        assertThat(form.statusCode()).isEqualTo(200);
        Map<String, String> fields = new LinkedHashMap<>(TestHttp.hiddenFields(form.body()));
        assertThat(fields).containsKeys("_csrf", "submissionKey");
        fields.put("title", title);
        fields.put("description", description);
        fields.put("category", category);
        return fields;
    }
}
