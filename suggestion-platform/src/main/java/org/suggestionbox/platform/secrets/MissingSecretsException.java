package org.suggestionbox.platform.secrets;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown before the application context exists when a secret outside the {@code local} profile is unusable. */
class MissingSecretsException extends IllegalStateException {

    private final List<SecretProblem> problems;

    MissingSecretsException(List<SecretProblem> problems) {
        super("Secrets missing or published: "
                + problems.stream().map(SecretProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    List<SecretProblem> problems() {
        return problems;
    }

    /** The environment variables to set, each once, in the order of the problems. */
    List<String> variables() {
        return problems.stream().map(SecretProblem::variable).distinct().toList();
    }
}
