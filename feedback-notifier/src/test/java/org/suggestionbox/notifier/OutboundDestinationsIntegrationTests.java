package org.suggestionbox.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.events.IdeaDecided;
import org.suggestionbox.events.IdeaStatusChanged;
import org.suggestionbox.events.ProgressStatus;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.events.Topics;
import org.suggestionbox.notifier.preferences.Preferences;
import org.suggestionbox.notifier.preferences.PreferencesFixture;
import org.suggestionbox.notifier.preferences.PreferencesService;
import org.suggestionbox.platform.anonymity.IdentitySealer;
import org.suggestionbox.platform.anonymity.SealedContact;
import org.suggestionbox.testing.DemoPassword;
import org.suggestionbox.testing.KafkaProbe;

/**
 * The outbound destination policy in the running notifier: URLs that point inside are refused when a
 * person saves them (API and page, in her language), and a person's URL that keeps failing is retried
 * from the delivery ledger and proven failed without failing the event for everyone else.
 */
class OutboundDestinationsIntegrationTests extends NotifierSpringIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final int LEDGER_ATTEMPTS = 3; // suggestionbox.notifier.ledger-retries.max-attempts in tests

    private final FakeChatServers fakes = FakeChatServers.get();
    private final HttpClient browser =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Autowired
    PreferencesService preferences;

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentitySealer sealer;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:9/x",
                "http://localhost:9/x",
                "http://[::1]:9/x",
                "http://127.1:9/x",
                "http://0.0.0.0:9/x",
                "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.5/x",
                "http://[::ffff:127.0.0.1]:9/x",
                "http://2130706433:9/x"
            })
    void anInsideUrlIsRefusedAsTeamsOrWebhookUrlThroughTheApi(String url) throws Exception {
        Preferences before = preferences.ofPerson("jan");

        for (String field : List.of("teamsWebhookUrl", "webhookUrl")) {
            HttpResponse<String> refused = send(
                    "jan",
                    HttpRequest.newBuilder(uri("/api/preferences"))
                            .header("Content-Type", "application/json")
                            .header("Accept-Language", "en")
                            .PUT(HttpRequest.BodyPublishers.ofString(
                                    "{\"channels\":[\"TEAMS\",\"WEBHOOK\"],\"" + field + "\":\"" + url + "\"}")));

            assertThat(refused.statusCode()).as(field + " " + url).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.body()).contains("\"field\":\"" + field + "\"");
        }
        assertThat(preferences.ofPerson("jan")).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:9/x",
                "http://localhost:9/x",
                "http://[::1]:9/x",
                "http://127.1:9/x",
                "http://0.0.0.0:9/x"
            })
    void anInsideUrlIsRefusedAsTeamsOrWebhookUrlOnThePage(String url) throws Exception {
        Preferences before = preferences.ofPerson("maya");

        for (String field : List.of("teamsWebhookUrl", "webhookUrl")) {
            String page = page("maya", "/preferences?lang=en");
            HttpResponse<String> refused = post(
                    "maya",
                    "_csrf=" + csrf(page) + "&channels=TEAMS&channels=WEBHOOK&" + field + "="
                            + URLEncoder.encode(url, StandardCharsets.UTF_8));

            assertThat(refused.statusCode()).as(field + " " + url).isEqualTo(200);
            assertThat(refused.body())
                    .contains("id=\"preferences-error\"")
                    .contains("points to this computer or an internal network");
        }
        assertThat(preferences.ofPerson("maya")).isEqualTo(before);
    }

    @Test
    void theRefusalIsWrittenInTheReadersLanguage() throws Exception {
        HttpResponse<String> hebrew = send(
                "noa",
                HttpRequest.newBuilder(uri("/api/preferences?lang=he"))
                        .header("Content-Type", "application/json")
                        .header("Accept-Language", "he")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"webhookUrl\":\"http://127.0.0.1:9/x\"}")));
        String page = page("piotr", "/preferences?lang=pl");
        HttpResponse<String> polish = post(
                "piotr",
                "_csrf=" + csrf(page) + "&channels=WEBHOOK&webhookUrl="
                        + URLEncoder.encode("http://localhost:9/x", StandardCharsets.UTF_8));

        assertThat(hebrew.statusCode()).isEqualTo(400);
        assertThat(hebrew.body()).contains("רשת פנימית");
        assertThat(polish.body()).contains("sieci wewnętrznej");
    }

    @Test
    void aPublicHttpsUrlOnAnAllowedHostIsStored() throws Exception {
        Preferences before = preferences.ofPerson("lea");
        try {
            savesAPublicTeamsUrl();
        } finally {
            PreferencesFixture.storeUnchecked(context, "lea", before);
        }
    }

    private void savesAPublicTeamsUrl() throws Exception {
        HttpResponse<String> saved = send(
                "lea",
                HttpRequest.newBuilder(uri("/api/preferences"))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"channels\":[\"TEAMS\"],"
                                + "\"teamsWebhookUrl\":\"https://acme.webhook.office.com/webhookb2/x\"}")));

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(preferences.ofPerson("lea").teamsWebhookUrl())
                .isEqualTo("https://acme.webhook.office.com/webhookb2/x");
    }

    @Test
    void aFailingPersonalUrlIsRetriedFromTheLedgerAndGivenUpWhileTheEventAndOthersGoOn() {
        String id = shortId();
        String broken = "broken-" + id;
        String working = "working-" + id;
        Submitter withBrokenUrl = person("broken-" + id, fakes.failingUrl(broken));
        Submitter withWorkingUrl = person("working-" + id, fakes.webhookUrl(working));
        IdeaDecided decided = decline("Broken hook " + id, withBrokenUrl, withWorkingUrl);

        publish(decided);
        // a later event of the same idea, on the same partition, to the person whose URL works
        publish(new IdeaStatusChanged(
                UUID.randomUUID(),
                decided.ideaId(),
                Instant.now(),
                1,
                decided.title(),
                List.of(withWorkingUrl),
                "maya",
                ProgressStatus.IN_PROGRESS,
                "Started"));

        await().atMost(WAIT).until(() -> fakes.posts("/webhook/" + working).size() >= 2);
        Document row = awaitLedgerRow(decided, DeliveryChannel.WEBHOOK, Filters.eq("givenUp", true));
        assertThat(row).containsEntry("attempts", LEDGER_ATTEMPTS);
        assertThat(row.getString("lastError")).contains("HTTP 500");
        assertThat(fakes.failingCalls(broken)).isGreaterThanOrEqualTo(LEDGER_ATTEMPTS);
        // both submitted anonymously: a proof that her own webhook failed would tell who has one
        assertThat(KafkaProbe.recordsBeforeSentinel(
                        Topics.NOTIFICATIONS_DELIVERED,
                        record -> decided.ideaId().toString().equals(record.key())
                                && (text(record).contains("NotificationFailed")
                                        || text(record).contains("WEBHOOK"))))
                .isEmpty();
        // the inbox has the message of the person whose URL is broken
        assertThat(KafkaProbe.awaitRecords(
                        Topics.NOTIFICATIONS_DELIVERED,
                        2,
                        WAIT,
                        record -> decided.ideaId().toString().equals(record.key())
                                && text(record).contains("NotificationDelivered")
                                && text(record).contains("\"sourceEventId\":\"" + decided.eventId() + "\"")
                                && text(record).contains("\"recipientRole\":\"SUBMITTER\"")
                                && text(record).contains("\"channel\":\"IN_APP\"")))
                .hasSize(2);
        // and the event was not failed for it: the later event of its partition was handled, so a dead letter
        // for it would stand before a sentinel written now
        assertThat(KafkaProbe.recordsBeforeSentinel(
                        Topics.deadLetterOf(Topics.IDEAS_LIFECYCLE),
                        record -> decided.ideaId().toString().equals(record.key())))
                .isEmpty();
    }

    private Submitter person(String personId, String webhookUrl) {
        PreferencesFixture.storeUnchecked(
                context, personId, new Preferences(Set.of(DeliveryChannel.WEBHOOK), null, webhookUrl, null, false));
        return Submitter.anonymous(
                sealer.seal(new SealedContact(personId, personId + "@suggestionbox.example", "en", null, null)));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(String user, HttpRequest.Builder request) throws Exception {
        return browser.send(request.header("Authorization", basic(user)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String page(String user, String path) throws Exception {
        HttpResponse<String> response =
                send(user, HttpRequest.newBuilder(uri(path)).GET());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> post(String user, String form) throws Exception {
        return send(
                user,
                HttpRequest.newBuilder(uri("/preferences"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static String basic(String user) {
        return DemoPassword.basicAuthorization(user);
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
        return matcher.group(1);
    }
}
