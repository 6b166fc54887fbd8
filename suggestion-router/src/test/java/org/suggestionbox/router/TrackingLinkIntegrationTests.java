package org.suggestionbox.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.suggestionbox.events.IdeaSubmitted;
import org.suggestionbox.events.SealedIdentity;
import org.suggestionbox.events.SubmissionChannel;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.router.support.RouterFlowTest;
import org.suggestionbox.router.support.RouterIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * An anonymous submitter follows her idea through its private tracking link, without signing in
 * (issue 12, item 5): the router knows only the token's hash and shows state, owner team, decision
 * and reason, and names nobody.
 */
@RouterIntegrationTest
class TrackingLinkIntegrationTests extends RouterFlowTest {

    private static final SealedIdentity SEALED = new SealedIdentity("local-1", "c2VhbGVkLWNvbnRhY3Qtb2YtYWxpY2U=");

    @Test
    void theLinkShowsStateDecisionAndReasonWithoutSignInAndNamesNobody() {
        String token = newToken();
        UUID ideaId = submitAnonymously("Quieter open space " + UUID.randomUUID(), sha256(token));
        await().atMost(WAIT)
                .until(() -> http.get("maya", "/api/ideas/" + ideaId).statusCode() == 200);

        HttpResponse<String> before = unsigned("/api/track/" + token, "en");
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(json.readTree(before.body()).get("state").asString()).isEqualTo("ASSIGNED");
        assertThat(json.readTree(before.body()).get("answerDueBy").isNull()).isFalse();

        assertThat(http.postJson("maya", "/api/ideas/" + ideaId + "/decision", """
                {"outcome":"DECLINE","reasonCode":"NOT_FEASIBLE",
                 "explanation":"The walls cannot take acoustic panels this year."}""")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> api = unsigned("/api/track/" + token, "en");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        JsonNode tracked = json.readTree(api.body());
        assertThat(tracked.get("state").asString()).isEqualTo("DECLINED");
        assertThat(tracked.get("decision").get("outcome").asString()).isEqualTo("DECLINE");
        assertThat(tracked.get("decision").get("reasonCode").asString()).isEqualTo("NOT_FEASIBLE");
        assertThat(tracked.get("decision").get("reason").asString()).isEqualTo("Not feasible");
        assertThat(tracked.get("decision").get("explanation").asString())
                .isEqualTo("The walls cannot take acoustic panels this year.");
        assertThat(tracked.get("owner").get("team").asString()).isEqualTo("Customer Service");
        assertThat(tracked.get("owner").get("role").asString()).isEqualTo("OWNER");
        assertThat(tracked.get("history").findValuesAsString("what"))
                .containsSubsequence("SUBMITTED", "ASSIGNED", "DECLINED");
        // the day it came, never the instant: submission, routing and the deadline that follows from it
        Instant submittedOn = Instant.parse(tracked.get("submittedAt").asString());
        assertThat(submittedOn).isEqualTo(submittedOn.truncatedTo(ChronoUnit.DAYS));
        assertThat(tracked.get("history").get(0).get("at").asString()).isEqualTo(submittedOn.toString());
        assertThat(tracked.get("history").get(1).get("at").asString()).isEqualTo(submittedOn.toString());
        Instant dueOn =
                Instant.parse(json.readTree(before.body()).get("answerDueBy").asString());
        assertThat(dueOn).isEqualTo(dueOn.truncatedTo(ChronoUnit.DAYS));
        assertThat(api.body())
                .as("no identity: not the submitter, not the owner, not who acted")
                .doesNotContainIgnoringCase("maya")
                .doesNotContain("Rosen")
                .doesNotContain(SEALED.ciphertext())
                .doesNotContain("personId")
                .doesNotContain("\"by\"")
                .doesNotContain("sealedIdentity")
                .doesNotContain("submitters")
                .doesNotContain(token)
                .doesNotContain(ideaId.toString());

        HttpResponse<String> page = unsigned("/track/" + token, "en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(page.body())
                .contains(
                        "Not feasible",
                        "The walls cannot take acoustic panels this year.",
                        "Declined",
                        "the \u2068Customer Service\u2069 team")
                .doesNotContain("Maya")
                .doesNotContain("maya@");

        HttpResponse<String> hebrew = unsigned("/track/" + token + "?lang=he", "en");
        assertThat(hebrew.statusCode()).isEqualTo(200);
        assertThat(hebrew.body()).contains("dir=\"rtl\"", "לא ישים", "נדחה");
    }

    @Test
    void anUnknownOrTamperedLinkIs404WithoutSignIn() {
        String token = newToken();
        submitAnonymously("Known link " + UUID.randomUUID(), sha256(token));
        String tampered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");

        for (String unknown : List.of(newToken(), tampered, "x")) {
            HttpResponse<String> api = unsigned("/api/track/" + unknown, "en");
            assertThat(api.statusCode()).isEqualTo(404);
            assertThat(api.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            HttpResponse<String> page = unsigned("/track/" + unknown, "en");
            assertThat(page.statusCode()).isEqualTo(404);
            assertThat(page.body()).contains("id=\"track-unknown\"");
        }
    }

    @Test
    void theHashOfTheTokenIsNotALinkAndANamedIdeaHasNone() {
        String token = newToken();
        UUID ideaId = submitAnonymously("Hash is no key " + UUID.randomUUID(), sha256(token));
        await().atMost(WAIT).until(() -> unsigned("/api/track/" + token, "en").statusCode() == 200);

        assertThat(unsigned("/api/track/" + sha256(token), "en").statusCode()).isEqualTo(404);
        assertThat(unsigned("/api/track/" + ideaId, "en").statusCode()).isEqualTo(404);
        assertThat(unsigned("/api/ideas/" + ideaId, "en").statusCode())
                .as("the idea API still needs sign-in")
                .isEqualTo(401);
    }

    private UUID submitAnonymously(String title, String trackingTokenHash) {
        UUID ideaId = UUID.randomUUID();
        IdeaSubmitted submitted = new IdeaSubmitted(
                UUID.randomUUID(),
                ideaId,
                Instant.now(),
                IdeaSubmitted.SCHEMA_VERSION,
                title,
                "Described in enough words to be understood.",
                "customer-experience",
                SubmissionChannel.WEB,
                Submitter.anonymous(SEALED),
                null,
                null,
                List.of(),
                trackingTokenHash);
        return router.submit(submitted);
    }

    private HttpResponse<String> unsigned(String path, String language) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", language)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        try (HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
