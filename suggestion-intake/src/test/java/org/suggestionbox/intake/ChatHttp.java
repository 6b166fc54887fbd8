package org.suggestionbox.intake;

import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Sends requests to the chat doors as Slack and Teams do: raw bodies, signed with the demo secrets. */
final class ChatHttp {

    static final String SLACK_SIGNING_SECRET = "local-slack-signing-secret";
    static final String TEAMS_SECURITY_TOKEN = "c3VnZ2VzdGlvbi1ib3gtbG9jYWwtdGVhbXMtdG9rZW4=";
    private static final Pattern UUID_PATTERN =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ChatHttp() {}

    /** A slash command's form fields, the full set Slack sends (in Slack's order). */
    static Map<String, String> slashCommand(
            String userId, String userName, String text, String triggerId, String responseUrl) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", "gIkuvaNzQIHg97ATvDxqgjtO");
        fields.put("team_id", "T0SUGGEST");
        fields.put("team_domain", "suggestionbox");
        fields.put("channel_id", "C2147483705");
        fields.put("channel_name", "general");
        fields.put("user_id", userId);
        fields.put("user_name", userName);
        fields.put("command", "/idea");
        fields.put("text", text);
        fields.put("api_app_id", "A0SUGGEST");
        fields.put("is_enterprise_install", "false");
        fields.put("response_url", responseUrl);
        fields.put("trigger_id", triggerId);
        return fields;
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** An interactivity request: the payload JSON in the form field {@code payload}. */
    static String interactivity(String payloadJson) {
        return form(Map.of("payload", payloadJson));
    }

    static String slackSignature(String secret, long timestamp, String body) {
        return new SlackSignature.Generator(secret).generate(Long.toString(timestamp), body);
    }

    static HttpResponse<String> postToSlack(int port, String body, String... extraHeaders) {
        long timestamp = Instant.now().getEpochSecond();
        String[] headers = new String[extraHeaders.length + 4];
        headers[0] = "X-Slack-Request-Timestamp";
        headers[1] = Long.toString(timestamp);
        headers[2] = "X-Slack-Signature";
        headers[3] = slackSignature(SLACK_SIGNING_SECRET, timestamp, body);
        System.arraycopy(extraHeaders, 0, headers, 4, extraHeaders.length);
        return postRaw(port, "/slack/events", "application/x-www-form-urlencoded", body, headers);
    }

    static String teamsSignature(String base64Token, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Token), "HmacSHA256"));
            return "HMAC " + Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A Teams outgoing-webhook message activity, shaped as Teams sends it. */
    static String teamsActivity(String activityId, String fromId, String fromName, String html) {
        return teamsActivity(activityId, fromId, fromName, html, Instant.now());
    }

    /** A Teams activity sent at {@code timestamp}; Teams gives UTC and the sender's local time. */
    static String teamsActivity(String activityId, String fromId, String fromName, String html, Instant timestamp) {
        return """
                {"type":"message","id":"%s","timestamp":"%s",\
                "localTimestamp":"%s",\
                "serviceUrl":"https://smba.trafficmanager.net/emea/","channelId":"msteams",\
                "from":{"id":"%s","name":"%s","aadObjectId":"6d1f0c52-7f0a-4b6a-9c55-2f0e0a5b1c11"},\
                "conversation":{"isGroup":true,"id":"19:abc@thread.skype;messageid=%s","name":null,\
                "conversationType":"channel","tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47"},\
                "recipient":null,"textFormat":"plain","attachmentLayout":null,\
                "membersAdded":[],"membersRemoved":[],"topicName":null,"historyDisclosed":null,\
                "locale":"en-US","text":"%s",\
                "speak":null,"inputHint":null,"summary":null,"suggestedActions":null,\
                "attachments":[{"contentType":"text/html","contentUrl":null,"content":"<div>%s</div>",\
                "name":null,"thumbnailUrl":null}],\
                "entities":[{"type":"clientInfo","locale":"en-US","country":"US","platform":"Web"}],\
                "channelData":{"teamsChannelId":"19:abc@thread.skype","teamsTeamId":"19:team@thread.skype",\
                "channel":{"id":"19:abc@thread.skype"},"team":{"id":"19:team@thread.skype"},\
                "tenant":{"id":"72f988bf-86f1-41af-91ab-2d7cd011db47"}},"action":null,"replyToId":null,\
                "value":null,"name":null,"relatesTo":null,"code":null}""".formatted(
                        activityId,
                        timestamp,
                        timestamp.atOffset(java.time.ZoneOffset.ofHours(2)),
                        fromId,
                        fromName,
                        activityId,
                        html,
                        html);
    }

    static HttpResponse<String> postToTeams(int port, String body, String authorization) {
        return postRaw(
                port, "/teams/messages", "application/json; charset=utf-8", body, "Authorization", authorization);
    }

    static HttpResponse<String> postRaw(int port, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .header("User-Agent", "Slackbot 1.0 (+https://api.slack.com/robots)")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** The idea id in a chat reply. */
    static String ideaId(String text) {
        Matcher matcher = UUID_PATTERN.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("No idea id in: " + text);
        }
        return matcher.group();
    }
}
