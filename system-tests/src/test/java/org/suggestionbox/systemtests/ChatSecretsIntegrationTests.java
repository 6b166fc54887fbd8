package org.suggestionbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.suggestionbox.localstack.LocalSecrets;

/**
 * The chat doors of the running stack take requests signed with the secrets the local stack generated, and
 * refuse ones signed with the demo values written in this repository (issue #11): whoever reads the
 * repository cannot post ideas in someone else's name. The README's own commands for signing a request by hand
 * work as written.
 */
@SystemTest
class ChatSecretsIntegrationTests {

    /** The local profile's published demo values, as application-local.yml holds them. */
    private static final String DEMO_SLACK_SIGNING_SECRET = "local-slack-signing-secret";

    private static final String DEMO_TEAMS_SECURITY_TOKEN = "c3VnZ2VzdGlvbi1ib3gtbG9jYWwtdGVhbXMtdG9rZW4=";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void slackRequestsSignedWithTheDemoSecretAreRefusedAndWithTheGeneratedOneAccepted(RunningStack stack) {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String forged = slashCommand("U0MAYA", "Forged as maya " + marker);
        String genuine = slashCommand("U0ALICE", "Quieter printers " + marker);

        HttpResponse<String> refused = postToSlack(stack, forged, DEMO_SLACK_SIGNING_SECRET);
        HttpResponse<String> accepted =
                postToSlack(stack, genuine, stack.secrets().get(LocalSecrets.SLACK_SIGNING_SECRET));

        assertThat(refused.statusCode())
                .as("signed with the published demo secret")
                .isEqualTo(401);
        assertThat(accepted.statusCode())
                .as("signed with the generated secret: %s", accepted.body())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(Api.as("alice")
                                .getAll(stack.routerUrl() + "/api/my-ideas")
                                .body())
                        .contains(marker));
        assertThat(Api.as("maya").getAll(stack.routerUrl() + "/api/my-ideas").body())
                .doesNotContain(marker);
    }

    @Test
    void teamsRequestsHmacdWithTheDemoTokenAreRefusedAndWithTheGeneratedOneAccepted(RunningStack stack) {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String forged = teamsActivity("29:lea", "Lea", "Forged as lea " + marker);
        String genuine = teamsActivity("29:jan", "Jan Kowalski", "operations Reuse pallets " + marker);

        HttpResponse<String> refused = postToTeams(stack, forged, DEMO_TEAMS_SECURITY_TOKEN);
        HttpResponse<String> accepted =
                postToTeams(stack, genuine, stack.secrets().get(LocalSecrets.TEAMS_SECURITY_TOKEN));

        assertThat(refused.statusCode())
                .as("HMAC'd with the published demo token")
                .isEqualTo(401);
        assertThat(accepted.statusCode())
                .as("HMAC'd with the generated token: %s", accepted.body())
                .isEqualTo(200);
        assertThat(accepted.body()).contains("\"type\":\"message\"");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(Api.as("jan")
                                .getAll(stack.routerUrl() + "/api/my-ideas")
                                .body())
                        .contains(marker));
        assertThat(Api.as("lea").getAll(stack.routerUrl() + "/api/my-ideas").body())
                .doesNotContain(marker);
    }

    /**
     * The README's "sign a request yourself" commands, run as a newcomer runs them with this stack's secrets file and
     * intake in place of the local stack's: each door takes its request and answers with the idea's link.
     */
    @Test
    void theReadmesSignedRequestsAreTakenByBothDoors(RunningStack stack) throws Exception {
        String readme = Files.readString(TestStacks.PROJECT_DIR.resolve("README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("sign a request yourself with the generated secret");
        assertThat(section).as("the README's section on signing a chat request").isPositive();
        int start = readme.indexOf("```bash\n", section) + "```bash\n".length();
        String commands = readme.substring(start, readme.indexOf("```", start))
                .replace(
                        ".local-stack/secrets.properties",
                        stack.dataDir().resolve("secrets.properties").toString())
                .replace("http://localhost:8081", stack.intakeUrl());

        Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", commands)
                .redirectErrorStream(true)
                .start();
        assertThat(bash.waitFor(60, TimeUnit.SECONDS))
                .as("the README's commands finish")
                .isTrue();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(bash.exitValue()).as(output).isZero();
        // Slack answers alice in English; Teams answers jan in Polish, his language in the directory
        assertThat(output)
                .as("both answers")
                .contains("Thank you! Your idea is recorded as")
                .contains("{\"type\":\"message\",\"text\":\"Dziękujemy!")
                .containsPattern("(?s)/ideas/[0-9a-f-]{36}.*/ideas/[0-9a-f-]{36}");
    }

    /** A slash command's form fields as Slack sends them; a late answer would go to a closed loopback port. */
    private static String slashCommand(String userId, String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("team_id", "T0SUGGEST");
        fields.put("channel_id", "C2147483705");
        fields.put("user_id", userId);
        fields.put("user_name", userId.toLowerCase());
        fields.put("command", "/idea");
        fields.put("text", "workplace " + text);
        fields.put("api_app_id", "A0SUGGEST");
        fields.put("response_url", "http://127.0.0.1:9/slack/response");
        fields.put("trigger_id", "trigger-" + UUID.randomUUID());
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> postToSlack(RunningStack stack, String body, String signingSecret) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String signature = "v0="
                + HexFormat.of()
                        .formatHex(
                                hmac(signingSecret.getBytes(StandardCharsets.UTF_8), "v0:" + timestamp + ":" + body));
        return post(
                HttpRequest.newBuilder(URI.create(stack.intakeUrl() + "/slack/events"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Slack-Request-Timestamp", timestamp)
                        .header("X-Slack-Signature", signature),
                body);
    }

    /** A Teams outgoing-webhook activity mentioning the bot. */
    private static String teamsActivity(String fromId, String fromName, String text) {
        String id = UUID.randomUUID().toString();
        return """
                {"type":"message","id":"%s","timestamp":"%s","channelId":"msteams",\
                "serviceUrl":"https://smba.trafficmanager.net/emea/",\
                "from":{"id":"%s","name":"%s"},\
                "conversation":{"isGroup":true,"id":"19:abc@thread.skype;messageid=%s","conversationType":"channel"},\
                "textFormat":"plain","locale":"en-US","text":"<at>Suggestion Box</at> %s",\
                "entities":[],"channelData":{"teamsChannelId":"19:abc@thread.skype"}}""".formatted(id, Instant.now(), fromId, fromName, id, text);
    }

    private static HttpResponse<String> postToTeams(RunningStack stack, String body, String base64Token) {
        String authorization = "HMAC "
                + Base64.getEncoder().encodeToString(hmac(Base64.getDecoder().decode(base64Token), body));
        return post(
                HttpRequest.newBuilder(URI.create(stack.intakeUrl() + "/teams/messages"))
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header("Authorization", authorization),
                body);
    }

    private static byte[] hmac(byte[] key, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static HttpResponse<String> post(HttpRequest.Builder request, String body) {
        try {
            return HTTP.send(
                    request.timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new IllegalStateException("Request failed: " + ex, ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
