package org.suggestionbox.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.suggestionbox.testing.Infrastructure;
import org.suggestionbox.testing.SuggestionBoxInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Teams door against replays: activity ids remembered in MongoDB across instances and restarts,
 * stale or future timestamps refused, and the body cap enforced before any HMAC is computed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuggestionBoxInfrastructure
class TeamsReplayIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void replayedActivityOnAnotherOrRestartedInstanceAnswersTheSameIdeaAndPublishesOnce() throws Exception {
        String body = ChatHttp.teamsActivity(
                TeamsIntegrationTests.activityId(),
                "29:maya",
                "Maya Rosen",
                "<at>Suggestion Box</at> Replayed idea " + UUID.randomUUID());
        String signature = ChatHttp.teamsSignature(ChatHttp.TEAMS_SECURITY_TOKEN, body);
        HttpResponse<String> first = ChatHttp.postToTeams(port, body, signature);
        assertThat(first.statusCode()).isEqualTo(200);
        String id = ChatHttp.ideaId(JSON.readTree(first.body()).path("text").asString());

        // a second intake on the same database: another instance, or this one after a restart
        // (as arguments: default properties would rank below application.yml)
        String[] arguments = Stream.concat(
                        Stream.of("--server.port=0"),
                        Infrastructure.get().springProperties().entrySet().stream()
                                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue()))
                .toArray(String[]::new);
        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(IntakeApplication.class)
                .profiles("local")
                .run(arguments)) {
            int otherPort = ((WebServerApplicationContext) other).getWebServer().getPort();

            HttpResponse<String> replayed = ChatHttp.postToTeams(otherPort, body, signature);

            assertThat(replayed.statusCode()).isEqualTo(200);
            assertThat(ChatHttp.ideaId(
                            JSON.readTree(replayed.body()).path("text").asString()))
                    .isEqualTo(id);
        }
        assertThat(Published.ideasKeyed(id)).hasSize(1);
    }

    @Test
    void activityOlderOrNewerThanFiveMinutesIsRefusedAndNothingIsPublished() {
        String marker = "stale-" + UUID.randomUUID();
        for (Instant sent : new Instant[] {
            Instant.now().minus(Duration.ofMinutes(10)), Instant.now().plus(Duration.ofMinutes(10))
        }) {
            String body = ChatHttp.teamsActivity(
                    TeamsIntegrationTests.activityId(),
                    "29:maya",
                    "Maya Rosen",
                    "<at>Suggestion Box</at> Old idea " + marker,
                    sent);

            HttpResponse<String> response =
                    ChatHttp.postToTeams(port, body, ChatHttp.teamsSignature(ChatHttp.TEAMS_SECURITY_TOKEN, body));

            assertThat(response.statusCode()).isEqualTo(401);
        }
        Published.assertNoIdeaContaining(marker);
    }

    /** Over the cap and wrongly signed: 413, not 401, so the size was checked before the signature. */
    @Test
    void oversizedBodyIsRefusedWith413BeforeItsSignatureIsChecked() throws Exception {
        String text = "<at>Suggestion Box</at>" + "<at>".repeat(300 * 1024 / 4);
        String body = ChatHttp.teamsActivity(TeamsIntegrationTests.activityId(), "29:maya", "Maya Rosen", text);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/teams/messages"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "HMAC AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");

        HttpResponse<String> declared = client.send(
                request.copy()
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> chunked = send(
                client,
                request.copy()
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                        .build());

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(chunked.statusCode()).isEqualTo(413);
    }

    /** The Slack door shares the cap: an oversized, wrongly signed command gets 413, not 401. */
    @Test
    void oversizedSlackBodyIsRefusedWith413BeforeItsSignatureIsChecked() {
        String body = ChatHttp.form(ChatHttp.slashCommand(
                "U0MAYA", "maya", "x".repeat(300 * 1024), "trigger", "https://hooks.slack.com/commands/T0/1/x"));

        HttpResponse<String> response = ChatHttp.postRaw(
                port,
                "/slack/events",
                "application/x-www-form-urlencoded",
                body,
                "X-Slack-Request-Timestamp",
                Long.toString(Instant.now().getEpochSecond()),
                "X-Slack-Signature",
                "v0=0000");

        assertThat(response.statusCode()).isEqualTo(413);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException ex) {
            throw new IllegalStateException("The server closed the connection instead of answering 413", ex);
        }
    }
}
