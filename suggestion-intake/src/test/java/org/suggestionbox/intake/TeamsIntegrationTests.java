package org.suggestionbox.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.suggestionbox.testing.DemoPassword;
import org.suggestionbox.testing.SuggestionBoxInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Teams outgoing webhook end to end: HMAC-signed activities as Teams sends them, the real broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuggestionBoxInfrastructure
class TeamsIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void signedMessageRecordsTheIdeaAndRepliesWithItsId() {
        String marker = UUID.randomUUID().toString();
        String body = ChatHttp.teamsActivity(
                activityId(),
                "29:jan",
                "Jan Kowalski",
                "<at>Suggestion Box</at> operations Pallets &amp; crates: reuse them " + marker
                        + ".<br>They are thrown away after one trip.");

        HttpResponse<String> response =
                ChatHttp.postToTeams(port, body, ChatHttp.teamsSignature(ChatHttp.TEAMS_SECURITY_TOKEN, body));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode reply = JSON.readTree(response.body());
        assertThat(reply.path("type").asString()).isEqualTo("message");
        String id = ChatHttp.ideaId(reply.path("text").asString());
        // Jan reads Polish
        assertThat(reply.path("text").asString()).startsWith("Dziękujemy!").contains(id);

        JsonNode event = JSON.readTree(Published.onlyIdea(id).value());
        assertThat(event.path("channel").asString()).isEqualTo("TEAMS");
        assertThat(event.path("submitter").path("personId").asString()).isEqualTo("jan");
        assertThat(event.path("category").asString()).isEqualTo("operations");
        assertThat(event.path("title").asString()).isEqualTo("Pallets & crates: reuse them " + marker);
        assertThat(event.path("description").asString())
                .isEqualTo("Pallets & crates: reuse them " + marker + ".\nThey are thrown away after one trip.");
    }

    @Test
    void forgedOrMissingHmacIsRefusedWith401AndNothingIsPublished() {
        String marker = "forged-" + UUID.randomUUID();
        String body = ChatHttp.teamsActivity(
                activityId(), "29:jan", "Jan Kowalski", "<at>Suggestion Box</at> A forged idea " + marker);
        String otherToken = "b3RoZXItdG9rZW4tdGhhdC1pcy1ub3QtdGhlLXJpZ2h0IQ==";

        List<HttpResponse<String>> responses = List.of(
                ChatHttp.postToTeams(port, body, ChatHttp.teamsSignature(otherToken, body)),
                ChatHttp.postToTeams(port, body, ChatHttp.teamsSignature(ChatHttp.TEAMS_SECURITY_TOKEN, body + " ")),
                ChatHttp.postToTeams(port, body, "HMAC not-base64!"),
                ChatHttp.postToTeams(port, body, DemoPassword.basicAuthorization("jan")));

        assertThat(responses).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEmpty();
        });
        Published.assertNoIdeaContaining(marker);
    }

    @Test
    void repeatedActivityReturnsTheSameIdeaAndPublishesOnce() {
        String body = ChatHttp.teamsActivity(
                activityId(),
                "29:maya",
                "Maya Rosen",
                "<at>Suggestion Box</at> Shared team calendar " + UUID.randomUUID());
        String signature = ChatHttp.teamsSignature(ChatHttp.TEAMS_SECURITY_TOKEN, body);

        HttpResponse<String> first = ChatHttp.postToTeams(port, body, signature);
        HttpResponse<String> repeated = ChatHttp.postToTeams(port, body, signature);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(repeated.statusCode()).isEqualTo(200);
        String id = ChatHttp.ideaId(JSON.readTree(first.body()).path("text").asString());
        assertThat(ChatHttp.ideaId(JSON.readTree(repeated.body()).path("text").asString()))
                .isEqualTo(id);
        assertThat(Published.ideasKeyed(id)).hasSize(1);
    }

    /** A Teams activity carries its text twice: a long message above the platform's 64 KB still reaches the door. */
    @Test
    void aLongSignedActivityIsAnsweredInTheChat() {
        String marker = UUID.randomUUID().toString();
        String body = ChatHttp.teamsActivity(
                activityId(),
                "29:maya",
                "Maya Rosen",
                "<at>Suggestion Box</at> Shared team calendar " + marker + ". " + "é".repeat(20_000));

        HttpResponse<String> response =
                ChatHttp.postToTeams(port, body, ChatHttp.teamsSignature(ChatHttp.TEAMS_SECURITY_TOKEN, body));

        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isBetween(70 * 1024, 100 * 1024);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode reply = JSON.readTree(response.body());
        assertThat(reply.path("type").asString()).isEqualTo("message");
        assertThat(reply.path("text").asString()).contains("at most 5000 characters long");
        Published.assertNoIdeaContaining(marker);
    }

    @Test
    void unknownTeamsUserGetsAPoliteReply() {
        String body = ChatHttp.teamsActivity(
                activityId(),
                "29:stranger",
                "Stranger",
                "<at>Suggestion Box</at> An idea from outside " + UUID.randomUUID());

        HttpResponse<String> response =
                ChatHttp.postToTeams(port, body, ChatHttp.teamsSignature(ChatHttp.TEAMS_SECURITY_TOKEN, body));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode reply = JSON.readTree(response.body());
        assertThat(reply.path("type").asString()).isEqualTo("message");
        assertThat(reply.path("text").asString()).startsWith("Hello!").contains("could not match your Teams account");
    }

    static String activityId() {
        return "1" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L);
    }
}
