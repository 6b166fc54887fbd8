package org.suggestionbox.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class RequiredSecretsTests {

    private static final String DEMO_ANONYMITY_KEY = "c3VnZ2VzdGlvbi1ib3gtbG9jYWwtZGVtby1rZXktMDE=";
    // a service's own secrets are random: none may be written in the repository
    private static final String OWN_KEY_1 = randomKey();
    private static final String OWN_KEY_2 = randomKey();
    private static final String OWN_1 = UUID.randomUUID().toString();
    private static final String OWN_2 = UUID.randomUUID().toString();

    private final RequiredSecretsEnvironmentPostProcessor postProcessor = new RequiredSecretsEnvironmentPostProcessor();

    @Test
    void aServiceWithoutItsSecretsIsRefusedNamingEveryMissingVariable() {
        StandardEnvironment environment = environment(Map.of());

        assertThatExceptionOfType(MissingSecretsException.class)
                .isThrownBy(() -> postProcessor.postProcessEnvironment(environment, new SpringApplication()))
                .satisfies(ex -> assertThat(ex.variables())
                        .containsExactly(
                                "SLACK_SIGNING_SECRET",
                                "INTAKE_IDEMPOTENCY_SECRET",
                                "ANONYMITY_ACTIVE_KEY_ID",
                                "ANONYMITY_KEYS"));
    }

    @Test
    void publishedValuesAndTheDemoAnonymityKeyAreRefusedWithoutEchoingThem() {
        StandardEnvironment environment = environment(Map.of(
                "SLACK_SIGNING_SECRET",
                "local-slack-signing-secret",
                "INTAKE_IDEMPOTENCY_SECRET",
                "  local-idempotency-secret ",
                "ANONYMITY_ACTIVE_KEY_ID",
                "k2",
                "ANONYMITY_KEYS",
                "local-1:" + DEMO_ANONYMITY_KEY + ",k2:" + OWN_KEY_2));

        assertThatExceptionOfType(MissingSecretsException.class)
                .isThrownBy(() -> postProcessor.postProcessEnvironment(environment, new SpringApplication()))
                .satisfies(ex -> {
                    assertThat(ex.variables())
                            .containsExactly("SLACK_SIGNING_SECRET", "INTAKE_IDEMPOTENCY_SECRET", "ANONYMITY_KEYS");
                    assertThat(ex.problems())
                            .extracting(SecretProblem::reason)
                            .contains(SecretProblem.PUBLISHED)
                            .anySatisfy(reason -> assertThat(reason).contains("key id 'local-1'"));
                    assertThat(ex.getMessage()).doesNotContain("local-slack-signing-secret", DEMO_ANONYMITY_KEY);
                });
    }

    @Test
    void aRingWithoutTheActiveKeyOrWithAMalformedKeyIsRefused() {
        assertThatExceptionOfType(MissingSecretsException.class)
                .isThrownBy(() -> postProcessor.postProcessEnvironment(
                        environment(Map.of(
                                "SLACK_SIGNING_SECRET",
                                OWN_1,
                                "INTAKE_IDEMPOTENCY_SECRET",
                                OWN_2,
                                "ANONYMITY_ACTIVE_KEY_ID",
                                "k3",
                                "ANONYMITY_KEYS",
                                "k1:" + OWN_KEY_1)),
                        new SpringApplication()))
                .satisfies(ex -> assertThat(ex.problems())
                        .singleElement()
                        .asString()
                        .contains("ANONYMITY_KEYS")
                        .contains("active key id 'k3'"));
        assertThatExceptionOfType(MissingSecretsException.class)
                .isThrownBy(() -> postProcessor.postProcessEnvironment(
                        environment(Map.of(
                                "SLACK_SIGNING_SECRET",
                                OWN_1,
                                "INTAKE_IDEMPOTENCY_SECRET",
                                OWN_2,
                                "ANONYMITY_ACTIVE_KEY_ID",
                                "k1",
                                "ANONYMITY_KEYS",
                                "k1:c2hvcnQ=")),
                        new SpringApplication()))
                .satisfies(ex -> assertThat(ex.problems())
                        .singleElement()
                        .asString()
                        .contains("malformed")
                        .contains("32 bytes"));
    }

    @Test
    void ownSecretsPass() {
        StandardEnvironment environment = environment(Map.of(
                "SLACK_SIGNING_SECRET",
                OWN_1,
                "INTAKE_IDEMPOTENCY_SECRET",
                OWN_2,
                "ANONYMITY_ACTIVE_KEY_ID",
                "k2",
                "ANONYMITY_KEYS",
                "k1:" + OWN_KEY_1 + ", k2:" + OWN_KEY_2));

        assertThatNoException()
                .isThrownBy(() -> postProcessor.postProcessEnvironment(environment, new SpringApplication()));
    }

    @Test
    void anOptionalSecretMayStayBlankButNeverHoldAPublishedValue() {
        Map<String, String> own = Map.of(
                "SLACK_SIGNING_SECRET",
                OWN_1,
                "INTAKE_IDEMPOTENCY_SECRET",
                OWN_2,
                "ANONYMITY_ACTIVE_KEY_ID",
                "k1",
                "ANONYMITY_KEYS",
                "k1:" + OWN_KEY_1);
        Map<String, String> withPublishedWebhookSecret = new LinkedHashMap<>(own);
        withPublishedWebhookSecret.put("WEBHOOK_SECRET", "test-webhook-secret");

        assertThatNoException()
                .isThrownBy(() -> postProcessor.postProcessEnvironment(environment(own), new SpringApplication()));
        assertThatExceptionOfType(MissingSecretsException.class)
                .isThrownBy(() -> postProcessor.postProcessEnvironment(
                        environment(withPublishedWebhookSecret), new SpringApplication()))
                .satisfies(ex -> assertThat(ex.variables()).containsExactly("WEBHOOK_SECRET"));
    }

    @Test
    void theLocalProfileSkipsTheCheck() {
        StandardEnvironment environment = environment(Map.of());
        environment.setActiveProfiles("local");

        assertThatNoException()
                .isThrownBy(() -> postProcessor.postProcessEnvironment(environment, new SpringApplication()));
    }

    @Test
    void aServiceThatDeclaresNoSecretsIsNotChecked() {
        StandardEnvironment environment = new StandardEnvironment();

        assertThatNoException()
                .isThrownBy(() -> postProcessor.postProcessEnvironment(environment, new SpringApplication()));
    }

    @Test
    void theFailureAnalysisNamesEveryVariableAndSaysWhatToDo() {
        MissingSecretsException failure = new MissingSecretsException(java.util.List.of(
                new SecretProblem(
                        "SLACK_SIGNING_SECRET", "suggestionbox.intake.slack.signing-secret", SecretProblem.NOT_SET),
                new SecretProblem(
                        "TEAMS_SECURITY_TOKEN", "suggestionbox.intake.teams.security-token", SecretProblem.PUBLISHED)));

        FailureAnalysis analysis = new MissingSecretsFailureAnalyzer().analyze(new IllegalStateException(failure));

        assertThat(analysis.getDescription())
                .contains("SLACK_SIGNING_SECRET (suggestionbox.intake.slack.signing-secret) " + "is not set")
                .contains("TEAMS_SECURITY_TOKEN")
                .contains("published");
        assertThat(analysis.getAction())
                .contains("Set SLACK_SIGNING_SECRET, TEAMS_SECURITY_TOKEN")
                .contains("openssl rand -base64 32")
                .contains(".local-stack/secrets.properties");
    }

    @Test
    void everyPublishedValueIsListedOnce() {
        assertThat(PublishedSecrets.load())
                .contains("local-slack-signing-secret", DEMO_ANONYMITY_KEY)
                .doesNotContain("", "#");
    }

    /** An intake-like service: secrets declared as in its application.yml, values from "environment variables". */
    private static StandardEnvironment environment(Map<String, String> variables) {
        Map<String, Object> yml = new LinkedHashMap<>();
        yml.put("suggestionbox.secrets.required.SLACK_SIGNING_SECRET", "suggestionbox.intake.slack.signing-secret");
        yml.put("suggestionbox.secrets.required.INTAKE_IDEMPOTENCY_SECRET", "suggestionbox.intake.idempotency-secret");
        yml.put("suggestionbox.secrets.required.ANONYMITY_ACTIVE_KEY_ID", "suggestionbox.anonymity.active-key-id");
        yml.put("suggestionbox.secrets.optional.WEBHOOK_SECRET", "suggestionbox.notifier.webhook.secret");
        yml.put("suggestionbox.secrets.key-rings.ANONYMITY_KEYS", "suggestionbox.anonymity");
        yml.put("suggestionbox.notifier.webhook.secret", "${WEBHOOK_SECRET:}");
        yml.put("suggestionbox.intake.slack.signing-secret", "${SLACK_SIGNING_SECRET:}");
        yml.put("suggestionbox.intake.idempotency-secret", "${INTAKE_IDEMPOTENCY_SECRET:}");
        yml.put("suggestionbox.anonymity.active-key-id", "${ANONYMITY_ACTIVE_KEY_ID:}");
        yml.put("suggestionbox.anonymity.key-ring", "${ANONYMITY_KEYS:}");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("variables", Map.copyOf(variables)));
        environment.getPropertySources().addLast(new MapPropertySource("application.yml", yml));
        return environment;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
