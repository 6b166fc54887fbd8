package org.suggestionbox.platform.secrets;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says which environment variables to set when a service refuses to start without its secrets. */
class MissingSecretsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSecretsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSecretsException cause) {
        String variables = String.join(", ", cause.variables());
        String description = "No 'local' profile is active, so this service runs as in production and needs its "
                + "secrets and the settings no demo value stands in for. These environment variables are missing or unusable:\n"
                + cause.problems().stream().map(problem -> "    - " + problem).collect(Collectors.joining("\n"))
                + "\nMissing or published: " + variables;
        String action = "Set " + variables
                + " to values of your own (for a secret e.g. openssl rand -base64 32; see the README's "
                + "Configuration section for what each one is). To try Suggestion Box with demo values instead, "
                + "activate the 'local' profile (SPRING_PROFILES_ACTIVE=local); the local stack generates its own "
                + "secrets into .local-stack/secrets.properties.";
        return new FailureAnalysis(description, action, cause);
    }
}
