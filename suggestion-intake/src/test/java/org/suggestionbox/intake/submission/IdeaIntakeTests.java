package org.suggestionbox.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.suggestionbox.events.IdeaSubmitted;
import org.suggestionbox.events.SubmissionChannel;
import org.suggestionbox.events.Visibility;
import org.suggestionbox.intake.config.AnonymityRules;
import org.suggestionbox.intake.config.IntakeProperties;
import org.suggestionbox.intake.limits.TestRateLimits;
import org.suggestionbox.platform.anonymity.IdentitySealer;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.web.PlatformLinks;
import org.suggestionbox.testing.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/** The intake service without Kafka: idempotency, rate limit, refusal on a silent broker, sealing. */
class IdeaIntakeTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = "c3VnZ2VzdGlvbi1ib3gtbG9jYWwtZGVtby1rZXktMDE=";

    private static final Directory DIRECTORY =
            new Directory(new DefaultResourceLoader(), JSON, "classpath:directory/demo-directory.json");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final IdentitySealer sealer = new IdentitySealer("local-1", Map.of("local-1", KEY), JSON);
    private final IdeaIntake intake = intake(properties("secret"), new AnonymityRules(5));

    /**
     * An intake on this test's publisher, meters and clock, linking to {@code http://router/}, with three
     * submissions per person per minute in buckets of its own (in an in-memory MongoDB-wire server).
     */
    private IdeaIntake intake(IntakeProperties properties, AnonymityRules anonymity) {
        return new IdeaIntake(
                publisher,
                DIRECTORY,
                sealer,
                new IntakeMetrics(meters),
                clock,
                properties,
                anonymity,
                new PlatformLinks("http://intake", "http://router/", "http://notifier"),
                TestRateLimits.perPerson(3, Duration.ofMinutes(1), clock));
    }

    @Test
    void acceptedIdeaIsPublishedOnceWithTheDirectoryData() {
        SubmissionResult result = intake.submit(submit("alice", "Quieter rooms", "key-1"));

        assertThat(result).isInstanceOfSatisfying(SubmissionResult.Accepted.class, accepted -> {
            assertThat(accepted.trackingUrl()).isEqualTo("http://router/ideas/" + accepted.ideaId());
            assertThat(accepted.replayed()).isFalse();
        });
        assertThat(publisher.events).singleElement().satisfies(event -> {
            assertThat(event.submitter().personId()).isEqualTo("alice");
            assertThat(event.department()).isEqualTo("Customer Service");
            assertThat(event.occurredAt()).isEqualTo(clock.instant());
            assertThat(event.channel()).isEqualTo(SubmissionChannel.API);
        });
        assertThat(meters.get("ideas.submitted")
                        .tags("channel", "API", "category", "other")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void repeatedKeyIsAnsweredWithTheFirstAnswerAndPublishesNothing() {
        var first = (SubmissionResult.Accepted) intake.submit(submit("alice", "Quieter rooms", "key-1"));
        var second = (SubmissionResult.Accepted) intake.submit(submit("alice", "Quieter rooms", "key-1"));

        assertThat(second.ideaId()).isEqualTo(first.ideaId());
        assertThat(second.replayed()).isTrue();
        assertThat(publisher.events).hasSize(1);
    }

    @Test
    void idsAreDerivedFromPersonAndKeySoARestartedIntakeRecreatesThem() {
        var first = (SubmissionResult.Accepted) intake.submit(submit("alice", "Quieter rooms", "key-1"));
        IdeaIntake restarted = intake(
                new IntakeProperties(
                        List.of("other"),
                        "other",
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(10),
                        "secret",
                        100,
                        Duration.ofHours(24),
                        3,
                        Duration.ofMinutes(1)),
                new AnonymityRules(5));

        var again = (SubmissionResult.Accepted) restarted.submit(submit("alice", "Quieter rooms", "key-1"));

        assertThat(again.ideaId()).isEqualTo(first.ideaId());
        assertThat(publisher.events.get(1).eventId())
                .isEqualTo(publisher.events.get(0).eventId());
        var other = (SubmissionResult.Accepted) intake.submit(submit("noa", "Quieter rooms", "key-1"));
        assertThat(other.ideaId()).isNotEqualTo(first.ideaId());
    }

    @Test
    void keyReusedForAnotherIdeaIsRefused() {
        intake.submit(submit("alice", "Quieter rooms", "key-1"));

        assertThat(intake.submit(submit("alice", "Louder rooms", "key-1")))
                .isInstanceOf(SubmissionResult.KeyReused.class);
        assertThat(publisher.events).hasSize(1);
        assertThat(meters.get("ideas.refused")
                        .tags("reason", "DUPLICATE_KEY_MISMATCH")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void theChosenVisibilityTravelsOnTheEventAndIsPartOfWhatAKeyIsComparedWith() {
        IdeaDraft draft = new IdeaDraft("Quieter rooms", "Description", null, false);

        SubmissionResult first =
                intake.submit(new SubmitIdea("alice", draft.withVisibility("PRIVATE"), SubmissionChannel.API, "key-v"));
        SubmissionResult same =
                intake.submit(new SubmitIdea("alice", draft.withVisibility("PRIVATE"), SubmissionChannel.API, "key-v"));
        SubmissionResult other = intake.submit(
                new SubmitIdea("alice", draft.withVisibility("COMPANY_NAMED"), SubmissionChannel.API, "key-v"));

        assertThat(first).isInstanceOf(SubmissionResult.Accepted.class);
        assertThat(same)
                .isInstanceOfSatisfying(
                        SubmissionResult.Accepted.class,
                        accepted -> assertThat(accepted.replayed()).isTrue());
        assertThat(other).isInstanceOf(SubmissionResult.KeyReused.class);
        assertThat(publisher.events)
                .singleElement()
                .satisfies(event -> assertThat(event.visibility()).isEqualTo(Visibility.PRIVATE));
    }

    @Test
    void withoutAChoiceTheEventSaysCompanyRatherThanNothing() {
        intake.submit(submit("alice", "Quieter rooms", "key-1"));

        // an absent visibility would mean "from before the choice existed" and make the idea private
        assertThat(publisher.events)
                .singleElement()
                .satisfies(event -> assertThat(event.visibility()).isEqualTo(Visibility.COMPANY));
    }

    @Test
    void silentBrokerMeansUnavailableAndTheKeyMayBeRetried() {
        publisher.failing = true;
        assertThat(intake.submit(submit("alice", "Quieter rooms", "key-1")))
                .isEqualTo(new SubmissionResult.Unavailable(Duration.ofSeconds(10)));

        publisher.failing = false;
        assertThat(intake.submit(submit("alice", "Quieter rooms", "key-1")))
                .isInstanceOfSatisfying(
                        SubmissionResult.Accepted.class,
                        accepted -> assertThat(accepted.replayed()).isFalse());
        assertThat(publisher.events).hasSize(1);
        assertThat(meters.get("ideas.refused")
                        .tags("reason", "BROKER_UNAVAILABLE")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void invalidIdeaIsRefusedAndNothingIsPublished() {
        SubmissionResult result = intake.submit(
                new SubmitIdea("alice", new IdeaDraft("Abc", "x", "nope", false), SubmissionChannel.WEB, null));

        assertThat(result)
                .isInstanceOfSatisfying(
                        SubmissionResult.Invalid.class,
                        invalid -> assertThat(invalid.violations())
                                .extracting(FieldViolation::field)
                                .containsExactly("title", "category"));
        assertThat(publisher.events).isEmpty();
    }

    @Test
    void morePerWindowThanTheLimitIsThrottledUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertThat(intake.submit(submit("piotr", "Idea number " + i, null)))
                    .isInstanceOf(SubmissionResult.Accepted.class);
        }
        clock.advance(Duration.ofSeconds(15));

        assertThat(intake.submit(submit("piotr", "One too many", null)))
                .isEqualTo(new SubmissionResult.Throttled(Duration.ofSeconds(45)));
        assertThat(intake.submit(submit("jan", "Someone else", null))).isInstanceOf(SubmissionResult.Accepted.class);

        clock.advance(Duration.ofSeconds(45));
        assertThat(intake.submit(submit("piotr", "Next minute", null))).isInstanceOf(SubmissionResult.Accepted.class);
        assertThat(meters.get("ideas.refused")
                        .tags("reason", "RATE_LIMITED")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void replaysDoNotCountAgainstTheRateLimit() {
        for (int i = 0; i < 5; i++) {
            assertThat(intake.submit(submit("piotr", "Same idea", "same-key")))
                    .isInstanceOf(SubmissionResult.Accepted.class);
        }
        assertThat(publisher.events).hasSize(1);
    }

    @Test
    void anonymousIdeaIsSealedAndStillAnswerable() {
        intake.submit(new SubmitIdea(
                "noa", new IdeaDraft("Anonymous one", "Secret", "workplace", true), SubmissionChannel.API, null));

        IdeaSubmitted event = publisher.events.getFirst();
        assertThat(event.submitter().personId()).isNull();
        assertThat(event.submitter().sealedIdentity()).isNotNull();
        assertThat(sealer.open(event.submitter().sealedIdentity()).personId()).isEqualTo("noa");
        assertThat(sealer.open(event.submitter().sealedIdentity()).locale()).isEqualTo("he");
        // Customer Service has three people, fewer than k = 5: department and language would narrow it down
        assertThat(event.department()).isNull();
        assertThat(event.locale()).isNull();
        // everything but the ciphertext, whose random base64 spells "noa" now and then (it did in a CI run)
        String ciphertext = event.submitter().sealedIdentity().ciphertext();
        assertThat(JSON.writeValueAsString(event).replace(ciphertext, "<ciphertext>"))
                .doesNotContain("noa");
    }

    @Test
    void anonymousIdeaOfADepartmentOfAtLeastKPeopleKeepsDepartmentAndLanguage() {
        IdeaIntake withSmallK = intake(properties("secret"), new AnonymityRules(3));

        withSmallK.submit(new SubmitIdea(
                "noa", new IdeaDraft("Anonymous one", "Secret", "workplace", true), SubmissionChannel.API, null));

        IdeaSubmitted event = publisher.events.getFirst();
        assertThat(event.department()).isEqualTo("Customer Service");
        assertThat(event.locale()).isEqualTo("he");
    }

    @Test
    void anonymousIdeaGetsATrackingLinkWhoseTokenOnlyTheSealCarries() {
        var accepted = (SubmissionResult.Accepted) intake.submit(new SubmitIdea(
                "noa", new IdeaDraft("Anonymous one", "Secret", "workplace", true), SubmissionChannel.API, null));

        String token = accepted.trackingUrl().substring("http://router/track/".length());
        assertThat(accepted.trackingUrl()).startsWith("http://router/track/");
        assertThat(java.util.Base64.getUrlDecoder().decode(token)).hasSize(32);
        IdeaSubmitted event = publisher.events.getFirst();
        assertThat(event.trackingTokenHash())
                .isEqualTo(TrackingLink.hashOf(token))
                .hasSize(64);
        assertThat(sealer.open(event.submitter().sealedIdentity()).trackingToken())
                .isEqualTo(token);
        assertThat(JSON.writeValueAsString(event)).doesNotContain(token);
        assertThat(accepted.toString()).doesNotContain(token);
    }

    /**
     * Ids derived from an Idempotency-Key are keyed with {@code INTAKE_IDEMPOTENCY_SECRET}: whoever knows
     * a person and a key but not the deployment's secret — only the repository's demo values, or a guess —
     * cannot recompute an anonymous idea's id and so learn who submitted it.
     */
    @Test
    void aGuessedOrPublishedSecretDoesNotReproduceIdsDerivedFromAnIdempotencyKey() throws Exception {
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        String deploymentSecret = java.util.Base64.getEncoder().encodeToString(random);
        IdeaIntake deployed = intake(properties(deploymentSecret), new AnonymityRules(5));

        var accepted = (SubmissionResult.Accepted) deployed.submit(new SubmitIdea(
                "alice",
                new IdeaDraft("Anonymous, keyed", "Secret", "workplace", true),
                SubmissionChannel.API,
                "key-42"));
        java.util.UUID eventId = publisher.events.getFirst().eventId();

        java.util.Set<String> guesses = new java.util.LinkedHashSet<>(publishedSecrets());
        guesses.addAll(List.of(
                "",
                "secret",
                "changeme",
                "password",
                "suggestionbox",
                "suggestion-box",
                "local-idempotency-secret",
                "idempotency-secret",
                "INTAKE_IDEMPOTENCY_SECRET"));
        assertThat(guesses).as("the repository's published secrets were read").contains("local-idempotency-secret");
        for (String guess : guesses) {
            assertThat(org.suggestionbox.events.EventIds.derive("idea", guess, "alice", "key-42"))
                    .as("idea id under guess '%s'", guess)
                    .isNotEqualTo(accepted.ideaId());
            assertThat(org.suggestionbox.events.EventIds.derive("IdeaSubmitted", guess, "alice", "key-42"))
                    .as("event id under guess '%s'", guess)
                    .isNotEqualTo(eventId);
        }
        // and the deployment's own secret does reproduce it: the ids are derived, not random
        assertThat(org.suggestionbox.events.EventIds.derive("idea", deploymentSecret, "alice", "key-42"))
                .isEqualTo(accepted.ideaId());
    }

    private static List<String> publishedSecrets() throws java.io.IOException {
        try (var in = IdeaIntakeTests.class
                .getClassLoader()
                .getResourceAsStream("org/suggestionbox/platform/secrets/published-secrets.txt")) {
            assertThat(in)
                    .as("suggestion-platform's list of secrets published in the repository")
                    .isNotNull();
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        }
    }

    private static IntakeProperties properties(String idempotencySecret) {
        return new IntakeProperties(
                List.of("customer-experience", "operations", "workplace", "other"),
                "other",
                Duration.ofSeconds(2),
                Duration.ofSeconds(10),
                idempotencySecret,
                100,
                Duration.ofHours(24),
                3,
                Duration.ofMinutes(1));
    }

    private static SubmitIdea submit(String person, String title, String key) {
        return new SubmitIdea(person, new IdeaDraft(title, "Description", null, false), SubmissionChannel.API, key);
    }

    static final class RecordingPublisher implements IdeaPublisher {

        final List<IdeaSubmitted> events = new ArrayList<>();
        boolean failing;

        @Override
        public void publish(IdeaSubmitted event) {
            if (failing) {
                throw new PublicationFailedException("broker down", new IllegalStateException());
            }
            events.add(event);
        }
    }
}
