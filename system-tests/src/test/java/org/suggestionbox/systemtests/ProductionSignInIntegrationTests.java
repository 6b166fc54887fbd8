package org.suggestionbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.suggestionbox.localstack.FreePorts;
import org.suggestionbox.localstack.LocalStack;
import org.suggestionbox.testing.DemoPassword;

/**
 * The other half of "production by default": with every secret set and a provider reachable, a service
 * started without the {@code local} profile starts, and then takes only what production takes — bearer
 * tokens issued for it, no HTTP Basic, no password form, metrics only with the scrape token.
 */
@SystemTest
class ProductionSignInIntegrationTests {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path temp;

    @Test
    void intakeInProductionTakesOnlyTheProvidersTokensIssuedForIt(RunningStack stack) throws Exception {
        int port = FreePorts.next();
        String base = "http://localhost:" + port;
        String scrapeToken =
                HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        Path log = this.temp.resolve("intake-production.log");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                LocalStack.builder()
                        .projectDir(TestStacks.PROJECT_DIR)
                        .build()
                        .executableJar("suggestion-intake")
                        .toString());
        builder.environment()
                .keySet()
                .removeIf(name -> name.startsWith("SPRING_")
                        || name.startsWith("SUGGESTIONBOX_")
                        || name.equals("JAVA_TOOL_OPTIONS"));
        // the stack's generated secrets: set, and none of them published in the repository
        builder.environment().putAll(stack.secrets().environmentFor("suggestion-intake"));
        builder.environment()
                .putAll(Map.of(
                        "SERVER_PORT",
                        Integer.toString(port),
                        "KAFKA_BOOTSTRAP_SERVERS",
                        stack.kafkaBootstrapServers(),
                        "MONGODB_URI",
                        stack.mongoUri(),
                        "INTAKE_MONGODB_DATABASE",
                        "intake_production_start",
                        "OIDC_ISSUER_URI",
                        stack.signInUrl(),
                        // the people the stack's sign-in provider signs in, named as production must name them
                        "SUGGESTIONBOX_DIRECTORY_LOCATION",
                        "classpath:directory/demo-directory.json",
                        "METRICS_SCRAPE_TOKEN",
                        scrapeToken,
                        "SPRING_OUTPUT_ANSI_ENABLED",
                        "never"));
        builder.environment()
                .putAll(Map.of(
                        "SUGGESTIONBOX_LINKS_INTAKE",
                        base,
                        "SUGGESTIONBOX_LINKS_ROUTER",
                        stack.routerUrl(),
                        "SUGGESTIONBOX_LINKS_NOTIFIER",
                        stack.notifierUrl()));
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process intake = builder.start();
        try {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        assertThat(intake.isAlive())
                                .as("intake exited:%n%s", Files.readString(log))
                                .isTrue();
                        return healthy(base);
                    });

            String alicesToken = new OidcCredentials(stack).accessToken("alice", "suggestion-intake");
            String routersToken = new OidcCredentials(stack).accessToken("alice", "suggestion-router");
            String idea = "{\"title\":\"Production sign-in check\",\"description\":\"Submitted with a bearer token.\"}";

            assertThat(post(base, idea, "Bearer " + alicesToken).statusCode()).isEqualTo(202);
            assertThat(post(base, idea, "Bearer " + routersToken).statusCode())
                    .as("another audience")
                    .isEqualTo(401);
            HttpResponse<String> basic = post(base, idea, DemoPassword.basicAuthorization("alice"));
            assertThat(basic.statusCode()).as("no HTTP Basic outside local").isEqualTo(401);
            assertThat(basic.headers().allValues("WWW-Authenticate"))
                    .noneSatisfy(challenge -> assertThat(challenge).startsWith("Basic"));

            HttpResponse<String> login = get(base + "/login", null);
            assertThat(login.statusCode()).as("no password form outside local").isEqualTo(302);
            assertThat(login.headers().firstValue("Location"))
                    .hasValueSatisfying(
                            location -> assertThat(location).endsWith("/oauth2/authorization/suggestionbox"));
            HttpResponse<String> page = get(base + "/ideas/new", null);
            assertThat(page.statusCode()).isEqualTo(302);
            assertThat(page.headers().firstValue("Location"))
                    .hasValueSatisfying(
                            location -> assertThat(location).endsWith("/oauth2/authorization/suggestionbox"));

            assertThat(get(base + "/actuator/prometheus", null).statusCode()).isEqualTo(401);
            assertThat(get(base + "/actuator/prometheus", "Bearer " + scrapeToken)
                            .statusCode())
                    .isEqualTo(200);
        } finally {
            intake.destroy();
            if (!intake.waitFor(20, TimeUnit.SECONDS)) {
                intake.destroyForcibly();
            }
        }
    }

    private static boolean healthy(String base) {
        try {
            HttpResponse<String> health = get(base + "/actuator/health", null);
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        } catch (IllegalStateException ex) {
            return false;
        }
    }

    private static HttpResponse<String> post(String base, String json, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/ideas"))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> get(String url, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
