package org.suggestionbox.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suggestionbox.events.Topics;
import org.suggestionbox.testing.KafkaProbe;

/**
 * Intake with its broker gone: a port nobody listens on. Deliberately without
 * {@code @SuggestionBoxInfrastructure}, whose property source would point it at the real broker;
 * {@link KafkaProbe} still reads the real, shared broker to prove nothing arrived there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.admin.auto-create=false")
class BrokerDownIntegrationTests {

    private static final int DEAD_PORT = freePort();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void deadBroker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + DEAD_PORT);
    }

    @Test
    void apiAnswers503WithRetryAfterWithinSecondsAndNothingIsPublished() {
        String marker = "broker-down-" + UUID.randomUUID();
        double before = refused("API");

        long started = System.nanoTime();
        HttpResponse<String> response = TestHttp.as(port, "alice").postJson("/api/ideas",
                IdeaIntakeIntegrationTests.json(Map.of("title", "Idea " + marker, "description", "Lost?")),
                "Idempotency-Key", marker);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(response.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":503");
        assertThat(refused("API")).isEqualTo(before + 1);

        assertThat(KafkaProbe.awaitRecords(Topics.IDEAS_SUBMITTED, 1, Duration.ofSeconds(3),
                record -> new String(record.value(), StandardCharsets.UTF_8).contains(marker))).isEmpty();
    }

    @Test
    void retryWithTheSameKeyIsNotAnsweredFromMemoryAfterAFailure() {
        String marker = "broker-down-retry-" + UUID.randomUUID();
        String body = IdeaIntakeIntegrationTests.json(Map.of("title", "Idea " + marker, "description", "Again"));
        TestHttp alice = TestHttp.as(port, "alice");

        assertThat(alice.postJson("/api/ideas", body, "Idempotency-Key", marker).statusCode()).isEqualTo(503);
        assertThat(alice.postJson("/api/ideas", body, "Idempotency-Key", marker).statusCode()).isEqualTo(503);
    }

    @Test
    void formAnswers503AndKeepsTheText() {
        TestHttp alice = TestHttp.as(port, "alice");
        String title = "Form while Kafka sleeps " + UUID.randomUUID();

        HttpResponse<String> response = alice.postForm("/ideas",
                IdeaFormIntegrationTests.formFields(alice, title, "Keep this text, please 🌱", "workplace"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(response.body())
                .contains("id=\"form-notice\"", "role=\"alert\"", "We could not record your idea right now.")
                .contains("value=\"" + title + "\"", "Keep this text, please 🌱")
                .doesNotContain("id=\"title-error\"");
    }

    private double refused(String channel) {
        Counter counter = meters.find("ideas.refused").tag("channel", channel).tag("reason", "BROKER_UNAVAILABLE")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
