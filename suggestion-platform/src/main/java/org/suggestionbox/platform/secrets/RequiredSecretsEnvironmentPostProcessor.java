package org.suggestionbox.platform.secrets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;
import org.suggestionbox.platform.anonymity.AnonymityProperties;

/**
 * Refuses to start a service outside the {@code local} profile while a secret it declares is unset, blank or
 * a value published in this repository. The service's {@code application.yml} declares them:
 *
 * <pre>
 * suggestionbox.secrets:
 *   required: {SLACK_SIGNING_SECRET: suggestionbox.intake.slack.signing-secret, ...}
 *   optional: {WEBHOOK_SECRET: suggestionbox.notifier.webhook.secret}  # may stay blank, never published
 *   key-rings: {ANONYMITY_KEYS: suggestionbox.anonymity}
 * </pre>
 *
 * Runs after the configuration files are read (so the active profiles are known) and before anything else
 * starts; throws one {@link MissingSecretsException} naming every problem, which
 * {@link MissingSecretsFailureAnalyzer} explains.
 */
class RequiredSecretsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String LOCAL_PROFILE = "local";

    static final String REQUIRED = "suggestionbox.secrets.required";

    static final String OPTIONAL = "suggestionbox.secrets.optional";

    static final String KEY_RINGS = "suggestionbox.secrets.key-rings";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE))) {
            return;
        }
        SecretsCheck check = new SecretsCheck(
                entries(environment, REQUIRED),
                entries(environment, OPTIONAL),
                entries(environment, KEY_RINGS),
                PublishedSecrets.load());
        if (check.required().isEmpty()
                && check.optional().isEmpty()
                && check.keyRings().isEmpty()) {
            return;
        }
        Binder binder = Binder.get(environment);
        List<SecretProblem> problems = check.problems(
                environment::getProperty,
                prefix -> binder.bind(prefix, AnonymityProperties.class)
                        .orElseGet(() -> new AnonymityProperties(null, Map.of(), "")));
        if (!problems.isEmpty()) {
            throw new MissingSecretsException(problems);
        }
    }

    /**
     * The map under {@code prefix}, read from the property sources as written: the keys are environment
     * variable names, which map binding would change (it drops {@code _} from keys).
     */
    static Map<String, String> entries(ConfigurableEnvironment environment, String prefix) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (name.startsWith(prefix + ".")) {
                        String value = environment.getProperty(name);
                        if (value != null) {
                            entries.putIfAbsent(name.substring(prefix.length() + 1), value);
                        }
                    }
                }
            }
        }
        return entries;
    }
}
