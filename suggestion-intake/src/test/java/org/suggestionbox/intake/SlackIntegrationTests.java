package org.suggestionbox.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.suggestionbox.events.Topics;
import org.suggestionbox.testing.KafkaProbe;
import org.suggestionbox.testing.SuggestionBoxInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Slack door end to end: signed requests shaped as Slack sends them, the real broker, a fake Slack Web API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuggestionBoxInfrastructure
class SlackIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration RECORD_TIMEOUT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void slashCommandRecordsTheIdeaAndAnswersEphemerallyWithItsId() {
        String marker = UUID.randomUUID().toString();
        String text = "workplace Quieter meeting rooms " + marker + ". Carpets and soft panels would help.\nThanks!";
        double submittedBefore = submitted("workplace");

        HttpResponse<String> response = ChatHttp.postToSlack(
                port,
                ChatHttp.form(
                        ChatHttp.slashCommand("U0ALICE", "alice", text, trigger(), FakeSlackApi.responseUrl(marker))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode reply = JSON.readTree(response.body());
        assertThat(reply.path("response_type").asString()).isEqualTo("ephemeral");
        String id = ChatHttp.ideaId(reply.path("text").asString());
        assertThat(reply.path("text").asString())
                .contains("routed next to the owner", "you'll hear back")
                .contains("http://localhost:8082/ideas/" + id);

        JsonNode event = onlyEvent(id);
        assertThat(event.path("channel").asString()).isEqualTo("SLACK");
        assertThat(event.path("submitter").path("personId").asString()).isEqualTo("alice");
        assertThat(event.path("category").asString()).isEqualTo("workplace");
        assertThat(event.path("title").asString()).isEqualTo("Quieter meeting rooms " + marker);
        assertThat(event.path("description").asString())
                .isEqualTo("Quieter meeting rooms " + marker + ". Carpets and soft panels would help.\nThanks!");
        assertThat(submitted("workplace")).isEqualTo(submittedBefore + 1);
        assertThat(meters.find("intake.latency")
                        .tag("channel", "SLACK")
                        .tag("outcome", "ACCEPTED")
                        .timer())
                .isNotNull();
    }

    @Test
    void slashCommandRepliesInThePersonsLanguage() {
        String text = "Zamiana palet na wielorazowe " + UUID.randomUUID();

        HttpResponse<String> response = ChatHttp.postToSlack(
                port,
                ChatHttp.form(
                        ChatHttp.slashCommand("U0PIOTR", "piotr", text, trigger(), FakeSlackApi.responseUrl("pl"))));

        assertThat(response.statusCode()).isEqualTo(200);
        String reply = JSON.readTree(response.body()).path("text").asString();
        assertThat(reply).startsWith("Dziękujemy!");
        String id = ChatHttp.ideaId(reply);
        assertThat(onlyEvent(id).path("category").asString()).isEqualTo("other");
    }

    @Test
    void wrongSignatureIsRefusedWith401AndNothingIsPublished() {
        String marker = "forged-" + UUID.randomUUID();
        String body = ChatHttp.form(ChatHttp.slashCommand(
                "U0ALICE", "alice", "Forged idea " + marker, trigger(), FakeSlackApi.responseUrl(marker)));
        long now = Instant.now().getEpochSecond();
        double before = refused("UNVERIFIED");

        HttpResponse<String> forged = ChatHttp.postRaw(
                port,
                "/slack/events",
                "application/x-www-form-urlencoded",
                body,
                "X-Slack-Request-Timestamp",
                Long.toString(now),
                "X-Slack-Signature",
                ChatHttp.slackSignature("not-the-secret", now, body));
        HttpResponse<String> unsigned =
                ChatHttp.postRaw(port, "/slack/events", "application/x-www-form-urlencoded", body);
        long stale = now - 6 * 60;
        HttpResponse<String> replayedLater = ChatHttp.postRaw(
                port,
                "/slack/events",
                "application/x-www-form-urlencoded",
                body,
                "X-Slack-Request-Timestamp",
                Long.toString(stale),
                "X-Slack-Signature",
                ChatHttp.slackSignature(ChatHttp.SLACK_SIGNING_SECRET, stale, body));

        assertThat(List.of(forged, unsigned, replayedLater)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEmpty();
        });
        assertThat(refused("UNVERIFIED")).isEqualTo(before + 3);
        Published.assertNoIdeaContaining(marker);
    }

    @Test
    void slackRetryOfTheSameCommandReturnsTheSameIdeaAndPublishesOnce() {
        String body = ChatHttp.form(ChatHttp.slashCommand(
                "U0MAYA",
                "maya",
                "operations Shorter stand-ups " + UUID.randomUUID(),
                trigger(),
                FakeSlackApi.responseUrl("retry")));

        HttpResponse<String> first = ChatHttp.postToSlack(port, body);
        HttpResponse<String> retry =
                ChatHttp.postToSlack(port, body, "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).isEqualTo(200);
        String id = ChatHttp.ideaId(JSON.readTree(first.body()).path("text").asString());
        assertThat(ChatHttp.ideaId(JSON.readTree(retry.body()).path("text").asString()))
                .isEqualTo(id);
        assertThat(Published.ideasKeyed(id)).hasSize(1);
    }

    @Test
    void tooShortTextIsAnsweredWithTheRuleAndNothingIsPublished() {
        String trigger = trigger();

        HttpResponse<String> response = ChatHttp.postToSlack(
                port,
                ChatHttp.form(ChatHttp.slashCommand("U0JAN", "jan", "hi", trigger, FakeSlackApi.responseUrl("short"))));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode reply = JSON.readTree(response.body());
        assertThat(reply.path("response_type").asString()).isEqualTo("ephemeral");
        assertThat(reply.path("text").asString()).contains("nie został zapisany", "Tytuł", "/idea");
    }

    /**
     * Between the platform's 64 KB and the door's 256 KB a long message reaches the door and is answered in the chat;
     * above the door's cap the door itself refuses it (a bare 413, not the platform's page).
     */
    @Test
    void aLongSignedCommandIsAnsweredInTheChatUpToTheDoorsCap() {
        String marker = UUID.randomUUID().toString();
        // "é" is %C3%A9 form-encoded: 20,000 of them make about 120 KB, 52,000 about 310 KB
        String longCommand = ChatHttp.form(ChatHttp.slashCommand(
                "U0ALICE",
                "alice",
                "Quieter meeting rooms " + marker + ". " + "é".repeat(20_000),
                trigger(),
                FakeSlackApi.responseUrl(marker)));
        String tooLarge = ChatHttp.form(ChatHttp.slashCommand(
                "U0ALICE",
                "alice",
                "Quieter meeting rooms " + marker + ". " + "é".repeat(52_000),
                trigger(),
                FakeSlackApi.responseUrl(marker)));

        HttpResponse<String> answered = ChatHttp.postToSlack(port, longCommand);
        HttpResponse<String> refused = ChatHttp.postToSlack(port, tooLarge);

        assertThat(longCommand.length()).isBetween(100 * 1024, 150 * 1024);
        assertThat(answered.statusCode()).isEqualTo(200);
        JsonNode reply = JSON.readTree(answered.body());
        assertThat(reply.path("response_type").asString()).isEqualTo("ephemeral");
        assertThat(reply.path("text").asString()).contains("was not recorded", "at most 5000 characters long");
        assertThat(tooLarge.length()).isBetween(300 * 1024, 330 * 1024);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).isEmpty();
        Published.assertNoIdeaContaining(marker);
    }

    @Test
    void unknownSlackUserGetsAPoliteReply() {
        double before = refused("UNKNOWN_SUBMITTER");

        HttpResponse<String> response = ChatHttp.postToSlack(
                port,
                ChatHttp.form(ChatHttp.slashCommand(
                        "U0STRANGER",
                        "stranger",
                        "A great idea from outside " + UUID.randomUUID(),
                        trigger(),
                        FakeSlackApi.responseUrl("stranger"))));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode reply = JSON.readTree(response.body());
        assertThat(reply.path("response_type").asString()).isEqualTo("ephemeral");
        assertThat(reply.path("text").asString())
                .startsWith("Hello!")
                .contains("could not match your Slack account", "http://localhost:8081/ideas/new");
        assertThat(refused("UNKNOWN_SUBMITTER")).isEqualTo(before + 1);
    }

    @Test
    void slackUserUnknownByIdIsMatchedByTheEmailThatUsersInfoReports() {
        // given a Slack account the directory has no Slack id for, whose e-mail address is Alice's
        String slackId = "U0"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
        FakeSlackApi.slackUser(slackId, "Alice@SuggestionBox.example");
        String marker = UUID.randomUUID().toString();

        // when
        HttpResponse<String> response = ChatHttp.postToSlack(
                port,
                ChatHttp.form(ChatHttp.slashCommand(
                        slackId,
                        "alice.w",
                        "Matched by e-mail " + marker,
                        trigger(),
                        FakeSlackApi.responseUrl(marker))));
        HttpResponse<String> again = ChatHttp.postToSlack(
                port,
                ChatHttp.form(
                        ChatHttp.slashCommand(slackId, "alice.w", "hi", trigger(), FakeSlackApi.responseUrl(marker))));

        // then the idea is Alice's
        assertThat(response.statusCode()).isEqualTo(200);
        String reply = JSON.readTree(response.body()).path("text").asString();
        assertThat(reply).contains("routed next to the owner");
        JsonNode event = onlyEvent(ChatHttp.ideaId(reply));
        assertThat(event.path("submitter").path("personId").asString()).isEqualTo("alice");
        assertThat(event.path("title").asString()).isEqualTo("Matched by e-mail " + marker);
        // the second command is Alice's too (answered with the rule, not as a stranger), without asking Slack again
        assertThat(JSON.readTree(again.body()).path("text").asString())
                .contains("was not recorded", "/idea")
                .doesNotContain("could not match");
        assertThat(FakeSlackApi.received("/api/users.info"))
                .filteredOn(request -> request.body().contains("user=" + slackId))
                .singleElement()
                .satisfies(request -> assertThat(request.authorization()).isEqualTo("Bearer xoxb-local"));
    }

    @Test
    void slackUserWhoseEmailIsNotInTheDirectoryGetsAPoliteReply() {
        String slackId = "U0"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
        FakeSlackApi.slackUser(slackId, "visitor@partner.example");
        String marker = "visitor-" + UUID.randomUUID();
        double before = refused("UNKNOWN_SUBMITTER");

        HttpResponse<String> response = ChatHttp.postToSlack(
                port,
                ChatHttp.form(ChatHttp.slashCommand(
                        slackId,
                        "visitor",
                        "An idea from a partner " + marker,
                        trigger(),
                        FakeSlackApi.responseUrl(marker))));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode reply = JSON.readTree(response.body());
        assertThat(reply.path("response_type").asString()).isEqualTo("ephemeral");
        assertThat(reply.path("text").asString()).startsWith("Hello!").contains("could not match your Slack account");
        assertThat(refused("UNKNOWN_SUBMITTER")).isEqualTo(before + 1);
        assertThat(FakeSlackApi.received("/api/users.info"))
                .anySatisfy(request -> assertThat(request.body()).contains("user=" + slackId));
        Published.assertNoIdeaContaining(marker);
    }

    @Test
    void aResponseUrlOutsideTheAllowedHostsIsNotCalledWhileAnAllowedOneIs() {
        String allowed = "allowed-" + UUID.randomUUID();
        String outside = "outside-" + UUID.randomUUID();

        HttpResponse<String> first = ChatHttp.postToSlack(
                port, ChatHttp.interactivity(strangersShortcut(allowed, FakeSlackApi.responseUrl(allowed))));
        HttpResponse<String> second = ChatHttp.postToSlack(
                port, ChatHttp.interactivity(strangersShortcut(outside, FakeSlackApi.responseUrlByName(outside))));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(FakeSlackApi.received("/response/" + allowed))
                        .singleElement()
                        .satisfies(answer -> assertThat(answer.body())
                                .contains("\"response_type\":\"ephemeral\"", "could not match your Slack account")));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> FakeSlackApi.received("/response/" + outside).isEmpty());
    }

    /** A message shortcut from someone who is not in the directory: answered on the response URL. */
    private static String strangersShortcut(String marker, String responseUrl) {
        return """
                {"type":"message_action","token":"gIkuvaNzQIHg97ATvDxqgjtO","action_ts":"1700000000.000100",\
                "team":{"id":"T0SUGGEST","domain":"suggestionbox"},\
                "user":{"id":"U0NOBODY","username":"nobody","team_id":"T0SUGGEST","name":"nobody"},\
                "channel":{"id":"C2147483705","name":"general"},"is_enterprise_install":false,"enterprise":null,\
                "callback_id":"send_as_idea","trigger_id":"%s",\
                "response_url":"%s",\
                "message_ts":"1700000000.000200",\
                "message":{"type":"message","user":"U0ALICE","ts":"1700000000.000200","team":"T0SUGGEST",\
                "text":"%s","blocks":[]}}""".formatted(trigger(), responseUrl, "An idea " + marker);
    }

    @Test
    void messageShortcutOpensThePrefilledModalThroughTheWebApi() {
        String marker = UUID.randomUUID().toString();
        String trigger = trigger();
        String messageText = "Let us recycle the printer toner " + marker + ". It piles up in the storeroom.";
        String payload = """
                {"type":"message_action","token":"gIkuvaNzQIHg97ATvDxqgjtO","action_ts":"1700000000.000100",\
                "team":{"id":"T0SUGGEST","domain":"suggestionbox"},\
                "user":{"id":"U0NOA","username":"noa","team_id":"T0SUGGEST","name":"noa"},\
                "channel":{"id":"C2147483705","name":"general"},"is_enterprise_install":false,"enterprise":null,\
                "callback_id":"send_as_idea","trigger_id":"%s",\
                "response_url":"%s",\
                "message_ts":"1700000000.000200",\
                "message":{"type":"message","user":"U0ALICE","ts":"1700000000.000200","team":"T0SUGGEST",\
                "text":"%s","blocks":[]}}""".formatted(trigger, FakeSlackApi.responseUrl(marker), messageText);

        long started = System.nanoTime();
        HttpResponse<String> response = ChatHttp.postToSlack(port, ChatHttp.interactivity(payload));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(FakeSlackApi.received("/api/views.open"))
                        .anySatisfy(request -> {
                            assertThat(request.authorization()).isEqualTo("Bearer xoxb-local");
                            assertThat(request.body())
                                    .contains(
                                            trigger,
                                            "idea_modal",
                                            "Let us recycle the printer toner " + marker,
                                            messageText);
                            // Noa reads Hebrew
                            assertThat(request.body()).contains("שליחה כרעיון");
                        }));
    }

    @Test
    void modalSubmissionPublishesTheIdeaWithTheModalsValuesSealedWhenAnonymous() {
        String marker = UUID.randomUUID().toString();
        String payload = viewSubmission(
                "V" + marker.substring(0, 8),
                "U0NOA",
                "Recycle toner " + marker,
                "Toner cartridges pile up.\nA recycling box would help.",
                "operations",
                true);

        HttpResponse<String> response = ChatHttp.postToSlack(port, ChatHttp.interactivity(payload));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("response_action").asString())
                .isEqualTo("clear");
        List<ConsumerRecord<String, byte[]>> records = KafkaProbe.awaitRecords(
                Topics.IDEAS_SUBMITTED,
                1,
                RECORD_TIMEOUT,
                record -> new String(record.value(), StandardCharsets.UTF_8).contains(marker));
        assertThat(records).hasSize(1);
        JsonNode event = JSON.readTree(records.getFirst().value());
        assertThat(event.path("channel").asString()).isEqualTo("SLACK");
        assertThat(event.path("title").asString()).isEqualTo("Recycle toner " + marker);
        assertThat(event.path("description").asString())
                .isEqualTo("Toner cartridges pile up.\nA recycling box would help.");
        assertThat(event.path("category").asString()).isEqualTo("operations");
        assertThat(event.path("submitter").has("personId")).isFalse();
        assertThat(event.path("submitter").path("sealedIdentity").isObject()).isTrue();
        assertThat(new String(records.getFirst().value(), StandardCharsets.UTF_8))
                .doesNotContain("noa", "U0NOA");

        HttpResponse<String> retried = ChatHttp.postToSlack(
                port,
                ChatHttp.interactivity(payload),
                "X-Slack-Retry-Num",
                "1",
                "X-Slack-Retry-Reason",
                "http_timeout");
        assertThat(JSON.readTree(retried.body()).path("response_action").asString())
                .isEqualTo("clear");
        assertThat(Published.ideasContaining(marker)).hasSize(1);
    }

    @Test
    void modalSubmissionWithBrokenRulesShowsTheErrorsUnderTheFields() {
        String marker = UUID.randomUUID().toString();
        String payload = viewSubmission(
                "V" + marker.substring(0, 8), "U0ALICE", "abc", "Too short a title " + marker, "other", false);

        HttpResponse<String> response = ChatHttp.postToSlack(port, ChatHttp.interactivity(payload));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("response_action").asString()).isEqualTo("errors");
        assertThat(answer.path("errors").path("title").asString())
                .isEqualTo("The title must be 5 to 120 characters long; it has 3.");
        Published.assertNoIdeaContaining(marker);
    }

    /** A view_submission payload as Slack sends it for the idea modal. */
    static String viewSubmission(
            String viewId, String userId, String title, String description, String category, boolean anonymous) {
        return viewSubmission(viewId, userId, title, description, category, anonymous, null);
    }

    /** ... with a visibility chosen in the modal's select; {@code null}: no such block (a modal opened before it existed). */
    static String viewSubmission(
            String viewId,
            String userId,
            String title,
            String description,
            String category,
            boolean anonymous,
            @Nullable String visibility) {
        String chosen = visibility == null
                ? ""
                : ",\"visibility\":{\"value\":{\"type\":\"static_select\",\"selected_option\":{\"text\":"
                        + "{\"type\":\"plain_text\",\"text\":\"Who may see\",\"emoji\":true},\"value\":\""
                        + visibility + "\"}}}";
        String selected = anonymous
                ? "[{\"text\":{\"type\":\"plain_text\",\"text\":\"Submit anonymously\",\"emoji\":true},\"value\":\"anonymous\"}]"
                : "[]";
        return """
                {"type":"view_submission","team":{"id":"T0SUGGEST","domain":"suggestionbox"},\
                "user":{"id":"%s","username":"someone","name":"someone","team_id":"T0SUGGEST"},\
                "api_app_id":"A0SUGGEST","token":"gIkuvaNzQIHg97ATvDxqgjtO","trigger_id":"%s",\
                "view":{"id":"%s","team_id":"T0SUGGEST","type":"modal","blocks":[],"private_metadata":"",\
                "callback_id":"idea_modal","state":{"values":{\
                "title":{"value":{"type":"plain_text_input","value":%s}},\
                "description":{"value":{"type":"plain_text_input","value":%s}},\
                "category":{"value":{"type":"static_select","selected_option":{"text":{"type":"plain_text",\
                "text":"Category","emoji":true},"value":"%s"}}},\
                "anonymous":{"value":{"type":"checkboxes","selected_options":%s}}%s}},\
                "hash":"1700000000.abcdef12","title":{"type":"plain_text","text":"Send as idea","emoji":true},\
                "clear_on_close":false,"notify_on_close":false,"close":null,"submit":null,"previous_view_id":null,\
                "root_view_id":"%s","app_id":"A0SUGGEST","external_id":"","app_installed_team_id":"T0SUGGEST",\
                "bot_id":"B0SUGGEST"},"response_urls":[],"is_enterprise_install":false,"enterprise":null}""".formatted(
                        userId,
                        trigger(),
                        viewId,
                        JSON.writeValueAsString(title),
                        JSON.writeValueAsString(description),
                        category,
                        selected,
                        chosen,
                        viewId);
    }

    private double submitted(String category) {
        Counter counter = meters.find("ideas.submitted")
                .tag("channel", "SLACK")
                .tag("category", category)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double refused(String reason) {
        Counter counter = meters.find("ideas.refused")
                .tag("channel", "SLACK")
                .tag("reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    static String trigger() {
        return "13345224609." + System.nanoTime() + "."
                + UUID.randomUUID().toString().replace("-", "");
    }

    private static JsonNode onlyEvent(String id) {
        List<ConsumerRecord<String, byte[]>> records =
                KafkaProbe.awaitRecords(Topics.IDEAS_SUBMITTED, 1, RECORD_TIMEOUT, record -> id.equals(record.key()));
        assertThat(records).hasSize(1);
        return JSON.readTree(records.getFirst().value());
    }
}
