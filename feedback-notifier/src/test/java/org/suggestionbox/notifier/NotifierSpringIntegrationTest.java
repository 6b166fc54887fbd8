package org.suggestionbox.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import jakarta.mail.internet.MimeMessage;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import org.suggestionbox.events.DecisionOutcome;
import org.suggestionbox.events.DeclineReason;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.events.IdeaDecided;
import org.suggestionbox.events.IdeaLifecycleEvent;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.events.Topics;
import org.suggestionbox.platform.anonymity.KeyRing;
import org.suggestionbox.platform.kafka.EventPublisher;
import org.suggestionbox.platform.outbound.HostResolver;
import org.suggestionbox.platform.web.CursorPage;
import org.suggestionbox.testing.Infrastructure;
import org.suggestionbox.testing.SuggestionBoxInfrastructure;

/**
 * The one Spring test set-up of the notifier: every full-context test class extends it, so the
 * context is built once per JVM and cached. Slack, Teams and webhooks point at {@link FakeChatServers};
 * the reconciler and the digest job do not run on their own schedule (tests call them); circuit breakers do not open on
 * the failures tests provoke on purpose (their opening is covered by {@code ResilientCallsTests}).
 * The outbound destination policy lets calls reach loopback, and the Teams and Slack hosts are the
 * stand-ins' (people still cannot save a loopback URL: tests that need one store it directly,
 * {@code PreferencesFixture}); deliveries to people's own URLs are retried from the ledger within a second.
 * No host name resolves ({@link Offline}): the stand-ins are reached by address, and a public URL a test
 * saves (a Teams URL on Microsoft's hosts) is refused before any lookup or connection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuggestionBoxInfrastructure
@Import(NotifierSpringIntegrationTest.Offline.class)
public abstract class NotifierSpringIntegrationTest {

    /** A resolver that knows no name, so that tests never look up or reach a host outside. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Offline {

        @Bean
        HostResolver offlineResolver() {
            return host -> {
                throw new UnknownHostException("tests resolve no names: " + host);
            };
        }
    }

    public static final String WEBHOOK_SECRET = "test-webhook-secret";

    /**
     * The anonymity key ring after two rotations ({@code ANONYMITY_KEYS}): intake sealed with rotation-1, then
     * rotation-2, now seals with rotation-3; the notifier keeps all three. See {@code KeyRotationIntegrationTests}.
     */
    public static final Map<String, String> ROTATED_KEYS = rotatedKeys();

    public static final String ACTIVE_KEY_ID = "rotation-3";

    @DynamicPropertySource
    static void notifierTestProperties(DynamicPropertyRegistry registry) {
        FakeChatServers fakes = FakeChatServers.get();
        registry.add("suggestionbox.notifier.slack.base-url", fakes::slackApiBase);
        registry.add("suggestionbox.notifier.slack.bot-token", () -> FakeChatServers.SLACK_TOKEN);
        registry.add("suggestionbox.notifier.webhook.secret", () -> WEBHOOK_SECRET);
        registry.add("suggestionbox.anonymity.active-key-id", () -> ACTIVE_KEY_ID);
        registry.add("suggestionbox.anonymity.key-ring", () -> KeyRing.format(ROTATED_KEYS));
        registry.add("suggestionbox.notifier.reconciler.interval", () -> "1h");
        registry.add("suggestionbox.notifier.reconciler.initial-delay", () -> "1h");
        registry.add("suggestionbox.notifier.digest.cron", () -> "-");
        // Resilience4j caps the minimum number of calls at the window's size
        registry.add("suggestionbox.notifier.outbound.breaker-window", () -> "1000");
        registry.add("suggestionbox.notifier.outbound.breaker-minimum-calls", () -> "1000");
        registry.add("suggestionbox.outbound.allow-loopback", () -> "true");
        registry.add("suggestionbox.outbound.allowed-hosts.teams", () -> "127.0.0.1,webhook.office.com");
        registry.add("suggestionbox.outbound.allowed-hosts.slack", () -> "127.0.0.1");
        registry.add("suggestionbox.notifier.ledger-retries.max-attempts", () -> "3");
        registry.add("suggestionbox.notifier.ledger-retries.initial-back-off", () -> "100ms");
        registry.add("suggestionbox.notifier.ledger-retries.max-back-off", () -> "400ms");
        registry.add("suggestionbox.notifier.ledger-retries.sweep-interval", () -> "100ms");
    }

    /** How long a test waits for what the notifier does asynchronously. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    protected int port;

    @Autowired
    protected EventPublisher events;

    @Autowired
    protected MongoTemplate mongo;

    /** Publishes a lifecycle event the way the router does and waits for the broker's acknowledgement. */
    protected void publish(IdeaLifecycleEvent event) {
        try {
            events.publish(Topics.IDEAS_LIFECYCLE, event).get(20, TimeUnit.SECONDS);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * The delivery ledger's row of what {@code event} sent on {@code channel}, once one matches {@code condition}:
     * where a test of an anonymous submitter reads what the proofs on the topic leave out.
     */
    protected Document awaitLedgerRow(IdeaLifecycleEvent event, DeliveryChannel channel, Bson condition) {
        Bson row = Filters.and(
                Filters.eq("sourceEventId", event.eventId().toString()),
                Filters.eq("channel", channel.name()),
                condition);
        return await().atMost(WAIT)
                .until(() -> mongo.getCollection("deliveries").find(row).first(), found -> found != null);
    }

    /** The notifier's HTTP side, signed in as a demo person (HTTP Basic, local profile). */
    protected RestClient client(String user) {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth(user, "demo"))
                .build();
    }

    /** The person's in-app notifications about one idea. */
    protected List<Map<String, Object>> inbox(String user, UUID ideaId) {
        List<Map<String, Object>> all = client(user)
                .get()
                .uri("/api/notifications?limit=200")
                .retrieve()
                .body(new ParameterizedTypeReference<CursorPage<Map<String, Object>>>() {})
                .items();
        return all == null
                ? List.of()
                : all.stream()
                        .filter(entry -> ideaId.toString().equals(entry.get("ideaId")))
                        .toList();
    }

    protected List<Map<String, Object>> awaitInbox(String user, UUID ideaId, int expected) {
        await().atMost(WAIT).until(() -> inbox(user, ideaId).size() >= expected);
        return inbox(user, ideaId);
    }

    protected long unreadCount(String user) {
        Map<String, Object> body = client(user)
                .get()
                .uri("/api/notifications/unread-count")
                .retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() {});
        return ((Number) body.get("unread")).longValue();
    }

    /** A decline with a reason and an explanation, decided now, for the given submitters. */
    protected static IdeaDecided decline(String title, Submitter... submitters) {
        return new IdeaDecided(
                UUID.randomUUID(),
                UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                1,
                title,
                List.of(submitters),
                "maya",
                "Maya Rosen",
                DecisionOutcome.DECLINE,
                DeclineReason.NOT_FEASIBLE,
                "The phone system cannot change it before 2027.",
                null,
                null);
    }

    /** Makes titles and ids of one test unique on the shared broker and database. */
    protected static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** The one mail to {@code to} whose subject contains {@code subjectPart}, once it arrived. */
    protected static MimeMessage awaitMail(Infrastructure infrastructure, String to, String subjectPart) {
        await().atMost(WAIT)
                .until(() -> !Mailbox.mailsTo(infrastructure.greenMail(), to, subjectPart)
                        .isEmpty());
        List<MimeMessage> mails = Mailbox.mailsTo(infrastructure.greenMail(), to, subjectPart);
        assertThat(mails).hasSize(1);
        return mails.getFirst();
    }

    protected static String text(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> rotatedKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        SecureRandom random = new SecureRandom();
        for (String id : List.of("rotation-1", "rotation-2", ACTIVE_KEY_ID)) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            keys.put(id, Base64.getEncoder().encodeToString(key));
        }
        return Collections.unmodifiableMap(keys);
    }
}
