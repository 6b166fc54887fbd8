package org.suggestionbox.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suggestionbox.testing.Infrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Intake with its broker gone: a port nobody listens on. Deliberately without
 * {@code @SuggestionBoxInfrastructure}, whose property source would point it at the real broker.
 * These tests check the answers and the refusal counts only: reading the shared broker, which this
 * intake never reaches, could not fail. {@link BrokerBackIntegrationTests} proves on a broker that
 * comes back that a refused idea is never published later.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.admin.auto-create=false")
@ActiveProfiles("local")
class BrokerDownIntegrationTests {

    /** The broker's address: a port held and never listened on, so connecting is refused and no other server takes it. */
    private static final Socket DEAD_BROKER = heldPort();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void deadBroker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + DEAD_BROKER.getLocalPort());
        // the database is there: only the broker is gone
        registry.add("spring.mongodb.uri", () -> Infrastructure.get().mongoUri());
    }

    @Test
    void apiAnswers503WithRetryAfterWithinSeconds() {
        String marker = "broker-down-" + UUID.randomUUID();
        double before = refused("API");

        long started = System.nanoTime();
        HttpResponse<String> response = TestHttp.as(port, "alice")
                .postJson(
                        "/api/ideas",
                        IdeaIntakeIntegrationTests.json(Map.of("title", "Idea " + marker, "description", "Lost?")),
                        "Idempotency-Key",
                        marker);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(response.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":503");
        assertThat(refused("API")).isEqualTo(before + 1);
    }

    @Test
    void retryWithTheSameKeyIsNotAnsweredFromMemoryAfterAFailure() {
        String marker = "broker-down-retry-" + UUID.randomUUID();
        String body = IdeaIntakeIntegrationTests.json(Map.of("title", "Idea " + marker, "description", "Again"));
        TestHttp alice = TestHttp.as(port, "alice");

        assertThat(alice.postJson("/api/ideas", body, "Idempotency-Key", marker).statusCode())
                .isEqualTo(503);
        assertThat(alice.postJson("/api/ideas", body, "Idempotency-Key", marker).statusCode())
                .isEqualTo(503);
    }

    @Test
    void formAnswers503AndKeepsTheText() {
        TestHttp alice = TestHttp.as(port, "alice");
        String title = "Form while Kafka sleeps " + UUID.randomUUID();

        HttpResponse<String> response = alice.postForm(
                "/ideas", IdeaFormIntegrationTests.formFields(alice, title, "Keep this text, please 🌱", "workplace"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(response.body())
                .contains("id=\"form-notice\"", "role=\"alert\"", "We could not record your idea right now.")
                .contains("value=\"" + title + "\"", "Keep this text, please 🌱")
                .doesNotContain("id=\"title-error\"");
    }

    @Test
    void slackCommandIsToldTheIdeaCouldNotBeRecorded() {
        String marker = "broker-down-slack-" + UUID.randomUUID();
        double before = refused("SLACK");

        HttpResponse<String> response = ChatHttp.postToSlack(
                port,
                ChatHttp.form(ChatHttp.slashCommand(
                        "U0MAYA",
                        "maya",
                        "Idea while Kafka sleeps " + marker,
                        SlackIntegrationTests.trigger(),
                        FakeSlackApi.responseUrl(marker))));

        // within Slack's 3 s: either the answer itself, or "recording…" and the answer on the response URL
        assertThat(response.statusCode()).isEqualTo(200);
        String immediate = JSON.readTree(response.body()).path("text").asString();
        if (!immediate.contains("could not record your idea")) {
            assertThat(immediate).contains("Recording your idea");
            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(FakeSlackApi.received("/response/" + marker))
                            .singleElement()
                            .satisfies(late -> assertThat(JSON.readTree(late.body())
                                            .path("text")
                                            .asString())
                                    .contains("We could not record your idea, please try again")));
        } else {
            assertThat(immediate).contains("We could not record your idea, please try again");
        }
        assertThat(JSON.readTree(response.body()).path("response_type").asString())
                .isEqualTo("ephemeral");
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(refused("SLACK")).isEqualTo(before + 1));
    }

    @Test
    void slackModalStaysOpenWithTheTryAgainMessage() {
        String marker = "broker-down-modal-" + UUID.randomUUID();

        HttpResponse<String> response = ChatHttp.postToSlack(
                port,
                ChatHttp.interactivity(SlackIntegrationTests.viewSubmission(
                        "V" + marker.substring(18, 26),
                        "U0PIOTR",
                        "Modal while Kafka sleeps " + marker,
                        "Keep my text",
                        "other",
                        false)));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("response_action").asString()).isEqualTo("errors");
        assertThat(answer.path("errors").path("description").asString()).contains("Nie udało się zapisać");
    }

    @Test
    void teamsMessageIsToldTheIdeaCouldNotBeRecorded() {
        String marker = "broker-down-teams-" + UUID.randomUUID();
        double before = refused("TEAMS");
        String body = ChatHttp.teamsActivity(
                TeamsIntegrationTests.activityId(),
                "29:maya",
                "Maya Rosen",
                "<at>Suggestion Box</at> Idea while Kafka sleeps " + marker);

        HttpResponse<String> response =
                ChatHttp.postToTeams(port, body, ChatHttp.teamsSignature(ChatHttp.TEAMS_SECURITY_TOKEN, body));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode reply = JSON.readTree(response.body());
        assertThat(reply.path("type").asString()).isEqualTo("message");
        assertThat(reply.path("text").asString()).contains("We could not record your idea, please try again");
        assertThat(refused("TEAMS")).isEqualTo(before + 1);
    }

    private double refused(String channel) {
        Counter counter = meters.find("ideas.refused")
                .tag("channel", channel)
                .tag("reason", "BROKER_UNAVAILABLE")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * A loopback port bound by a socket that never listens: unlike a port taken from the kernel and let go, nothing
     * else on the machine — another test's server, an outgoing connection — can be given it. Held until the test JVM
     * exits: the application context, and its producer still trying the address, may outlive this class in Spring's
     * cache.
     */
    private static Socket heldPort() {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            return socket;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
