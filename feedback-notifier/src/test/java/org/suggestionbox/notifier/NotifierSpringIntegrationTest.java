package org.suggestionbox.notifier;

import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suggestionbox.platform.anonymity.KeyRing;
import org.suggestionbox.platform.outbound.HostResolver;
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
