package org.suggestionbox.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.suggestionbox.events.SealedIdentity;
import org.suggestionbox.platform.anonymity.IdentitySealer;
import org.suggestionbox.platform.anonymity.SealedContact;
import org.suggestionbox.testing.SuggestionBoxInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An anonymous submitter's private tracking link (issue 12, item 5) and what an anonymous
 * {@code IdeaSubmitted} leaves out (item 4).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuggestionBoxInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class AnonymousTrackingIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TRACKING_URL = Pattern.compile("^http://localhost:8082/track/([A-Za-z0-9_-]+)$");

    @LocalServerPort
    int port;

    @Autowired
    IdentitySealer identitySealer;

    @Test
    void anonymousIdeaIsAnsweredWithAPrivateCapabilityLinkWhoseTokenTravelsOnlySealed(CapturedOutput output) {
        String title = "Anonymous with a link " + UUID.randomUUID();

        HttpResponse<String> response = TestHttp.as(port, "alice")
                .postJson(
                        "/api/ideas",
                        json(Map.of(
                                "title",
                                title,
                                "description",
                                "Only I may follow it",
                                "category",
                                "workplace",
                                "anonymous",
                                true)));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.body());
        String id = body.path("id").asString();
        String trackingUrl = body.path("trackingUrl").asString();
        Matcher matcher = TRACKING_URL.matcher(trackingUrl);
        assertThat(matcher.matches())
                .as("a /track/ capability link: %s", trackingUrl)
                .isTrue();
        String token = matcher.group(1);
        assertThat(Base64.getUrlDecoder().decode(token))
                .as("at least 128 random bits")
                .hasSizeGreaterThanOrEqualTo(16);
        assertThat(trackingUrl).doesNotContain(id);
        assertThat(response.headers().firstValue("Location")).hasValue(trackingUrl);

        ConsumerRecord<String, byte[]> record = Published.onlyIdea(id);
        String value = new String(record.value(), StandardCharsets.UTF_8);
        JsonNode event = JSON.readTree(value);
        assertThat(event.path("trackingTokenHash").asString()).isEqualTo(sha256(token));
        assertThat(value).as("the public event carries only the hash").doesNotContain(token);
        for (Header header : record.headers()) {
            assertThat(new String(header.value(), StandardCharsets.UTF_8)).doesNotContain(token);
        }

        SealedContact contact = identitySealer.open(new SealedIdentity(
                event.path("submitter").path("sealedIdentity").path("keyId").asString(),
                event.path("submitter")
                        .path("sealedIdentity")
                        .path("ciphertext")
                        .asString()));
        assertThat(contact.trackingToken())
                .as("the notifier finds the token in the seal")
                .isEqualTo(token);

        assertThat(output.getAll()).as("no token in the logs").doesNotContain(token);
    }

    @Test
    void everyAnonymousIdeaGetsItsOwnLinkAndNamedIdeasKeepTheirPage() {
        TestHttp alice = TestHttp.as(port, "alice");
        String first = alice.postJson(
                        "/api/ideas",
                        json(Map.of(
                                "title",
                                "First anonymous " + UUID.randomUUID(),
                                "description",
                                "x",
                                "anonymous",
                                true)))
                .body();
        String second = alice.postJson(
                        "/api/ideas",
                        json(Map.of(
                                "title",
                                "Second anonymous " + UUID.randomUUID(),
                                "description",
                                "x",
                                "anonymous",
                                true)))
                .body();
        HttpResponse<String> named =
                alice.postJson("/api/ideas", json(Map.of("title", "Named " + UUID.randomUUID(), "description", "x")));

        assertThat(JSON.readTree(first).path("trackingUrl").asString())
                .isNotEqualTo(JSON.readTree(second).path("trackingUrl").asString());
        JsonNode namedBody = JSON.readTree(named.body());
        assertThat(namedBody.path("trackingUrl").asString())
                .isEqualTo("http://localhost:8082/ideas/" + namedBody.path("id").asString());
        JsonNode namedEvent = JSON.readTree(
                Published.onlyIdea(namedBody.path("id").asString()).value());
        assertThat(namedEvent.path("trackingTokenHash").isNull()
                        || namedEvent.path("trackingTokenHash").isMissingNode())
                .as("no tracking hash on a named idea")
                .isTrue();
    }

    @Test
    void anonymousIdeaFromADepartmentSmallerThanKCarriesNeitherDepartmentNorLanguage() {
        // piotr is one of two people in Logistics; with k = 5, "Logistics" plus "pl" would name him
        HttpResponse<String> response = TestHttp.as(port, "piotr")
                .postJson(
                        "/api/ideas",
                        json(Map.of(
                                "title",
                                "Anonymous from a small team " + UUID.randomUUID(),
                                "description",
                                "x",
                                "category",
                                "operations",
                                "anonymous",
                                true)));

        String id = TestHttp.acceptedIdeaId(response);
        String value = new String(Published.onlyIdea(id).value(), StandardCharsets.UTF_8);
        JsonNode event = JSON.readTree(value);
        assertThat(event.path("department").isNull()).isTrue();
        assertThat(event.path("locale").isNull()).isTrue();
        assertThat(value).doesNotContain("Logistics").doesNotContain("\"pl\"");
    }

    @Test
    void confirmationPageShowsTheLinkOnceWithTheKeepItNote() {
        TestHttp noa = TestHttp.as(port, "noa");
        Map<String, String> fields = IdeaFormIntegrationTests.formFields(
                noa, "Anonymous from the form " + UUID.randomUUID(), "Follow me privately", "workplace");
        fields.put("anonymous", "true");

        HttpResponse<String> posted = noa.postForm("/ideas", fields);
        assertThat(posted.statusCode()).isEqualTo(302);
        String location = posted.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> confirmation = noa.get(location.replaceFirst("^https?://[^/]+", ""));

        assertThat(confirmation.statusCode()).isEqualTo(200);
        Matcher link = Pattern.compile("id=\"tracking-link\" rel=\"noreferrer\" href=\"(http://localhost:8082/track/"
                        + "[A-Za-z0-9_-]{22,})\"")
                .matcher(confirmation.body());
        assertThat(link.find()).as("the private link on the page").isTrue();
        assertThat(confirmation.body())
                .contains("id=\"keep-link-note\"")
                .contains("שמרו את הקישור הזה; זו הדרך היחידה לעקוב אחר הרעיון שלכם");
        assertThat(location)
                .doesNotContain(link.group(1).substring(link.group(1).lastIndexOf('/') + 1));
    }

    static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String json(Map<String, ?> fields) {
        return JSON.writeValueAsString(new LinkedHashMap<>(fields));
    }
}
