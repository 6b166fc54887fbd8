package org.suggestionbox.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.suggestionbox.events.DecisionOutcome;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.events.IdeaDecided;
import org.suggestionbox.events.IdeaStatusChanged;
import org.suggestionbox.events.ProgressStatus;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.events.Topics;
import org.suggestionbox.notifier.FakeChatServers.Received;
import org.suggestionbox.notifier.preferences.Preferences;
import org.suggestionbox.notifier.preferences.PreferencesFixture;
import org.suggestionbox.notifier.preferences.PreferencesService;
import org.suggestionbox.platform.anonymity.IdentitySealer;
import org.suggestionbox.platform.anonymity.SealedContact;
import org.suggestionbox.testing.Infrastructure;
import org.suggestionbox.testing.KafkaProbe;
import tools.jackson.databind.JsonNode;

/**
 * Slack, Teams and the signed webhook against local stand-ins ({@link FakeChatServers}), with real
 * Kafka, MongoDB-wire and SMTP: what arrives, exactly once, and what happens when Slack fails.
 * People made up for a test arrive as sealed (anonymous) submitters, so that each test has its own
 * Slack id, hook and preferences.
 */
class ChannelsIntegrationTests extends NotifierSpringIntegrationTest {

    private static final int ATTEMPTS = 4; // suggestionbox.kafka.retries (3) + 1
    private static final int IN_CALL_ATTEMPTS = 2;

    private final FakeChatServers fakes = FakeChatServers.get();

    @Autowired
    IdentitySealer sealer;

    @Autowired
    PreferencesService preferences;

    @Autowired
    ApplicationContext context;

    @Test
    void aDecisionReachesAliceAsASlackDirectMessageWithTheBotToken() {
        IdeaDecided decided = decline("Quieter printers " + shortId(), Submitter.person("alice"));

        publish(decided);

        Received message = awaitOne(() -> slackMessagesAbout("U0ALICE", decided.title()));
        assertThat(message.header("Authorization")).isEqualTo("Bearer " + FakeChatServers.SLACK_TOKEN);
        assertThat(message.header("Content-Type")).startsWith("application/json");
        assertThat(message.json().path("channel").asString()).isEqualTo("U0ALICE");
        assertThat(message.json().path("text").asString())
                .startsWith("*Your idea “" + decided.title() + "” was declined*")
                .contains("Reason: Not feasible")
                .contains("<http://localhost:8082/ideas/" + decided.ideaId() + "|Open the idea>");
    }

    @Test
    void aHebrewSlackMessageIsMarkedRightToLeft() {
        IdeaDecided decided = decline("Shade in the yard " + shortId(), Submitter.person("noa"));

        publish(decided);

        String text = awaitOne(() -> slackMessagesAbout("U0NOA", decided.title()))
                .json()
                .path("text")
                .asString();
        assertThat(text).startsWith("\u200F*").contains("סיבה: לא ניתן לביצוע");
        assertThat(text.lines().filter(line -> !line.isEmpty()))
                .allSatisfy(line -> assertThat(line).startsWith("\u200F"));
    }

    @Test
    void aHebrewTeamsCardIsAnAdaptiveCardRightToLeftWithALinkToTheIdea() {
        String hook = "he-" + shortId();
        Submitter submitter = madeUpPerson(
                "teams-" + shortId(),
                "he",
                null,
                new Preferences(Set.of(DeliveryChannel.TEAMS), fakes.teamsUrl(hook), null, null, false));
        IdeaDecided decided = decline("Bike racks " + shortId(), submitter);

        publish(decided);

        JsonNode card = awaitOne(() -> fakes.posts("/teams/" + hook)).json();
        assertThat(card.path("type").asString()).isEqualTo("message");
        JsonNode attachment = card.path("attachments").get(0);
        assertThat(attachment.path("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode content = attachment.path("content");
        assertThat(content.path("type").asString()).isEqualTo("AdaptiveCard");
        assertThat(content.path("version").asString()).isEqualTo("1.4");
        assertThat(content.path("rtl").asBoolean()).isTrue();
        JsonNode blocks = content.path("body").get(0).path("items");
        assertThat(blocks.get(0).path("type").asString()).isEqualTo("TextBlock");
        assertThat(blocks.get(0).path("text").asString())
                .contains(decided.title())
                .contains("נדחה");
        assertThat(blocks.get(0).path("rtl").asBoolean()).isTrue();
        assertThat(content.path("actions").get(0).path("type").asString()).isEqualTo("Action.OpenUrl");
        assertThat(content.path("actions").get(0).path("url").asString())
                .isEqualTo("http://localhost:8082/ideas/" + decided.ideaId());
    }

    @Test
    void anExplorationWithTheLongestTextsAnOwnerMayWriteStillFitsATeamsCard() {
        String hook = "long-" + shortId();
        Submitter submitter = madeUpPerson(
                "teams-" + shortId(),
                "en",
                null,
                new Preferences(Set.of(DeliveryChannel.TEAMS), fakes.teamsUrl(hook), null, null, false));
        String explanation = "Yes " + "\uD83D\uDE80".repeat(4_996); // 5,000 characters, the rockets four bytes each
        String nextStep = "Plan " + "*".repeat(4_995); // every one escaped for Teams' Markdown
        IdeaDecided explored = new IdeaDecided(
                UUID.randomUUID(),
                UUID.randomUUID(),
                Instant.now(),
                1,
                "Rockets " + shortId(),
                List.of(submitter),
                "maya",
                "Maya Rosen",
                DecisionOutcome.EXPLORE,
                null,
                explanation,
                nextStep,
                LocalDate.of(2027, 3, 1));

        publish(explored);

        Received card = awaitOne(() -> fakes.posts("/teams/" + hook));
        assertThat(card.rawBody().length).isLessThanOrEqualTo(FakeChatServers.TEAMS_MAX_BYTES);
        JsonNode content = card.json().path("attachments").get(0).path("content");
        List<String> texts = content.path("body")
                .get(0)
                .path("items")
                .valueStream()
                .map(block -> block.path("text").asString())
                .toList();
        assertThat(texts.get(0)).contains(explored.title());
        assertThat(texts)
                .anySatisfy(
                        text -> assertThat(text).contains("Yes \uD83D\uDE80").endsWith("…"));
        assertThat(texts).anySatisfy(text -> assertThat(text).contains("Plan \\*"));
        assertThat(content.path("actions").get(0).path("url").asString())
                .isEqualTo("http://localhost:8082/ideas/" + explored.ideaId());
    }

    @Test
    void markupInAnIdeasTitleShowsAsTextInTeamsCardsAndSlackMessages() {
        String marker = shortId();
        String hook = "markup-" + marker;
        Submitter submitter = madeUpPerson(
                "markup-" + marker,
                "en",
                "U0MARKUP" + marker.toUpperCase(),
                new Preferences(
                        Set.of(DeliveryChannel.TEAMS, DeliveryChannel.SLACK), fakes.teamsUrl(hook), null, null, false));
        IdeaDecided decided =
                decline("**Bold** [x](javascript:alert(1)) <https://evil.example|click> " + marker, submitter);

        publish(decided);

        JsonNode card = awaitOne(() -> fakes.posts("/teams/" + hook)).json();
        String title = card.path("attachments")
                .get(0)
                .path("content")
                .path("body")
                .get(0)
                .path("items")
                .get(0)
                .path("text")
                .asString();
        assertThat(title)
                .contains("\\*\\*Bold\\*\\* \\[x\\]\\(javascript:alert\\(1\\)\\) "
                        + "\\<https://evil.example\\|click\\> " + marker);
        String slack = awaitOne(() -> slackMessagesAbout("U0MARKUP" + marker.toUpperCase(), marker))
                .json()
                .path("text")
                .asString();
        assertThat(slack).contains("&lt;https://evil.example|click&gt;").doesNotContain("<https://evil.example");
    }

    @Test
    void aWebhookIsSignedSoThatTheReceiverCanVerifyIt() throws Exception {
        String hook = "signed-" + shortId();
        Submitter submitter = madeUpPerson(
                "hook-" + shortId(),
                "en",
                null,
                new Preferences(Set.of(DeliveryChannel.WEBHOOK), null, fakes.webhookUrl(hook), null, false));
        IdeaDecided decided = decline("Signed receipts " + shortId(), submitter);

        publish(decided);

        Received post = awaitOne(() -> fakes.posts("/webhook/" + hook));
        // the receiver's check, written independently of the notifier's code
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(post.rawBody()));
        assertThat(post.header("X-SuggestionBox-Signature")).isEqualTo(expected);
        long timestamp = Long.parseLong(post.header("X-SuggestionBox-Timestamp"));
        assertThat(Instant.ofEpochSecond(timestamp))
                .isEqualTo(Instant.parse(post.json().path("sentAt").asString()));
        assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(300);
        JsonNode payload = post.json();
        assertThat(payload.path("eventId").asString())
                .isEqualTo(decided.eventId().toString());
        assertThat(payload.path("ideaId").asString()).isEqualTo(decided.ideaId().toString());
        assertThat(payload.path("kind").asString()).isEqualTo("IDEA_DECLINED");
        assertThat(payload.path("recipientRole").asString()).isEqualTo("SUBMITTER");
        assertThat(payload.path("locale").asString()).isEqualTo("en");
        assertThat(payload.path("title").asString()).contains(decided.title());
        assertThat(payload.path("body").asString()).contains("Reason: Not feasible");
        assertThat(payload.path("link").asString()).isEqualTo("http://localhost:8082/ideas/" + decided.ideaId());
        assertThat(Instant.parse(payload.path("occurredAt").asString())).isEqualTo(decided.occurredAt());
        assertThat(payload.path("deliveryId").asString())
                .isNotEqualTo(decided.eventId().toString())
                .isNotBlank();
    }

    @Test
    void aRedeliveredEventSendsNothingTwiceOnAnyChannel(Infrastructure infrastructure) {
        String id = shortId();
        String slackId = "U0TWICE" + id;
        String teamsHook = "twice-" + id;
        String webHook = "twice-" + id;
        String personId = "twice-" + id;
        Submitter submitter = madeUpPerson(
                personId,
                "en",
                slackId,
                new Preferences(
                        EnumSet.allOf(DeliveryChannel.class),
                        fakes.teamsUrl(teamsHook),
                        fakes.webhookUrl(webHook),
                        null,
                        false));
        IdeaDecided decided = decline("Standing meetings " + id, submitter);

        publish(decided);
        publish(decided);
        // a later event of the same idea, on the same partition: once it is delivered, both copies were handled
        IdeaStatusChanged later = new IdeaStatusChanged(
                UUID.randomUUID(),
                decided.ideaId(),
                Instant.now(),
                1,
                decided.title(),
                List.of(submitter),
                "maya",
                ProgressStatus.IN_PROGRESS,
                "Started");
        publish(later);

        await().atMost(WAIT)
                .until(() -> fakes.slackMessages(slackId).size() >= 2
                        && fakes.posts("/teams/" + teamsHook).size() >= 2
                        && fakes.posts("/webhook/" + webHook).size() >= 2
                        && Mailbox.mailsTo(infrastructure.greenMail(), personId + "@suggestionbox.example", id)
                                        .size()
                                >= 2);
        assertThat(fakes.slackMessages(slackId)).hasSize(2);
        assertThat(fakes.posts("/teams/" + teamsHook)).hasSize(2);
        assertThat(fakes.posts("/webhook/" + webHook))
                .extracting(post -> post.json().path("kind").asString())
                .containsExactlyInAnyOrder("IDEA_DECLINED", "IDEA_IN_PROGRESS");
        assertThat(Mailbox.mailsTo(infrastructure.greenMail(), personId + "@suggestionbox.example", id))
                .hasSize(2);
    }

    @Test
    void slackFailingTwiceThenSucceedingSendsOneMessage() {
        String slackId = "U0FLAKY" + shortId();
        fakes.failSlack(slackId, 2);
        IdeaDecided decided =
                decline("Flaky chat " + shortId(), madeUpPerson("flaky-" + shortId(), "en", slackId, null));

        publish(decided);

        awaitOne(() -> fakes.slackMessages(slackId));
        // the event's second try sent it: its first made two quick calls, both failed
        assertThat(awaitLedgerRow(decided, DeliveryChannel.SLACK, Filters.eq("state", "SENT")))
                .containsEntry("attempts", 2);
        assertThat(fakes.slackMessages(slackId)).hasSize(1);
        assertThat(fakes.slackCalls(slackId)).isEqualTo(3);
    }

    @Test
    void slackDownForGoodEndsInTheDeadLetterTopicWithTheInboxMessagePresentAndTheFailureKept() {
        String slackId = "U0DOWN" + shortId();
        fakes.failSlack(slackId, Integer.MAX_VALUE);
        Submitter alice = Submitter.anonymous(
                sealer.seal(new SealedContact("alice", "alice@suggestionbox.example", "en", slackId, null)));
        IdeaDecided decided = decline("Slack is down " + shortId(), alice);

        publish(decided);

        assertThat(KafkaProbe.awaitRecords(
                        Topics.deadLetterOf(Topics.IDEAS_LIFECYCLE),
                        1,
                        WAIT,
                        record -> decided.ideaId().toString().equals(record.key())))
                .hasSize(1);
        Document failed = awaitLedgerRow(decided, DeliveryChannel.SLACK, Filters.eq("state", "FAILED"));
        assertThat(failed).containsEntry("attempts", ATTEMPTS);
        assertThat(failed.getString("lastError")).contains("HTTP 500");
        assertThat(inbox("alice", decided.ideaId()))
                .singleElement()
                .satisfies(entry -> assertThat((String) entry.get("title")).contains(decided.title()));
        assertThat(fakes.slackMessages(slackId)).isEmpty();
        assertThat(fakes.slackCalls(slackId)).isEqualTo(ATTEMPTS * IN_CALL_ATTEMPTS);
    }

    @Test
    void janChoosesHisChannelsAndLanguageThroughTheApiAndHearsAccordingly(Infrastructure infrastructure)
            throws Exception {
        Map<String, Object> before = client("jan")
                .get()
                .uri("/api/preferences")
                .retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() {});
        assertThat(before).containsKeys("channels", "available", "digest");
        assertThat((List<?>) before.get("available")).asList().contains("IN_APP", "EMAIL", "SLACK", "TEAMS", "WEBHOOK");

        var invalid = client("jan")
                .put()
                .uri("/api/preferences")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("channels", List.of("EMAIL"), "webhookUrl", "ftp://example.com/x"))
                .retrieve()
                .onStatus(status -> true, (request, reply) -> {})
                .toEntity(String.class);
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getBody()).contains("\"field\":\"webhookUrl\"");

        Map<String, Object> saved = client("jan")
                .put()
                .uri("/api/preferences")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("channels", List.of("EMAIL"), "locale", "en", "digest", true))
                .retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() {});
        assertThat((List<?>) saved.get("channels")).asList().containsExactlyInAnyOrder("IN_APP", "EMAIL");
        assertThat(saved).containsEntry("locale", "en").containsEntry("digest", true);

        IdeaDecided decided = decline("Pallet labels " + shortId(), Submitter.person("jan"));
        publish(decided);

        assertThat(awaitMail(infrastructure, "jan@suggestionbox.example", decided.title())
                        .getSubject())
                .isEqualTo("Your idea “" + decided.title() + "” was declined");
        await().atMost(WAIT).until(() -> !inbox("jan", decided.ideaId()).isEmpty());
        assertThat(slackMessagesAbout("U0JAN", decided.title())).isEmpty();

        String page = client("jan").get().uri("/preferences").retrieve().body(String.class);
        assertThat(page)
                .contains("id=\"preferences-form\"")
                .contains("name=\"_csrf\"")
                .contains("value=\"WEBHOOK\"")
                .contains("<option value=\"en\" selected");
    }

    private Submitter madeUpPerson(String personId, String locale, String slackId, Preferences chosen) {
        if (chosen != null) {
            PreferencesFixture.storeUnchecked(context, personId, chosen);
        }
        return Submitter.anonymous(
                sealer.seal(new SealedContact(personId, personId + "@suggestionbox.example", locale, slackId, null)));
    }

    private List<Received> slackMessagesAbout(String slackId, String title) {
        return fakes.slackMessages(slackId).stream()
                .filter(message -> message.json().path("text").asString().contains(title))
                .toList();
    }

    private static Received awaitOne(java.util.function.Supplier<List<Received>> received) {
        await().atMost(WAIT).until(() -> !received.get().isEmpty());
        List<Received> all = received.get();
        assertThat(all).hasSize(1);
        return all.getFirst();
    }
}
