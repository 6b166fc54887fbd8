package org.suggestionbox.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suggestionbox.events.IdeaEvent;
import org.suggestionbox.testing.Infrastructure;

/**
 * Intake whose broker is the shared one behind a {@link BrokerGate}: gone while an idea is refused,
 * back afterwards. Only on a broker the intake reaches again can "the refused idea was not published"
 * fail: if a refused record stayed in the producer's buffer (a 503 answered while the record still
 * waited for the broker), it would be sent once the broker is back. The test flushes the producer,
 * so any such record is on the broker, then reads the topic up to sentinels written after it
 * ({@link Published}). {@link BrokerDownIntegrationTests} covers the answers while the broker is gone.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.admin.auto-create=false")
@ActiveProfiles("local")
class BrokerBackIntegrationTests {

    private static final BrokerGate GATE =
            BrokerGate.closedBefore(Infrastructure.get().kafkaBootstrapServers());

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, IdeaEvent> kafka;

    @DynamicPropertySource
    static void gatedBroker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", GATE::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> Infrastructure.get().mongoUri());
    }

    @AfterAll
    static void closeGate() throws Exception {
        GATE.close();
    }

    @Test
    void anIdeaRefusedWhileTheBrokerWasGoneNeverArrivesAndItsRetryIsPublishedOnce() {
        String marker = "broker-back-" + UUID.randomUUID();
        String body = IdeaIntakeIntegrationTests.json(Map.of("title", "Idea " + marker, "description", "Lost?"));
        TestHttp alice = TestHttp.as(port, "alice");
        assertThat(alice.postJson("/api/ideas", body, "Idempotency-Key", marker).statusCode())
                .isEqualTo(503);

        GATE.open();
        // whatever the producer still held of the refused idea goes to the broker now
        kafka.flush();

        Published.assertNoIdeaContaining(marker);
        HttpResponse<String> retried = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> alice.postJson("/api/ideas", body, "Idempotency-Key", marker),
                        response -> response.statusCode() == 202);
        assertThat(retried.body()).contains("\"status\":\"SUBMITTED\"");
        assertThat(Published.ideasContaining(marker)).hasSize(1);
    }
}
