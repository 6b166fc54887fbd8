package org.suggestionbox.notifier;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suggestionbox.platform.anonymity.KeyRing;
import org.suggestionbox.testing.SuggestionBoxInfrastructure;

/**
 * The one Spring test set-up of the notifier: every full-context test class extends it, so the
 * context is built once per JVM and cached. Slack, Teams and webhooks point at {@link FakeChatServers};
 * the reconciler and the digest job do not run on their own schedule (tests call them); circuit breakers do not open on
 * the failures tests provoke on purpose (their opening is covered by {@code ResilientCallsTests}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuggestionBoxInfrastructure
public abstract class NotifierSpringIntegrationTest {

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
