package org.suggestionbox.platform.secrets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Every demo and test secret that appears in this repository (application*.yml, docker-compose.yml, the
 * compose realm and {@code .env.example}, test code): public values no production secret may have. The list
 * is {@value #RESOURCE}, one value a line; system-tests' {@code PublishedSecretsTests} fails when the
 * repository holds a secret value the list lacks.
 */
final class PublishedSecrets {

    static final String RESOURCE = "org/suggestionbox/platform/secrets/published-secrets.txt";

    private PublishedSecrets() {}

    static Set<String> load() {
        InputStream in = PublishedSecrets.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("The list of published secrets " + RESOURCE + " is missing");
        }
        Set<String> values = new LinkedHashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String value = line.strip();
                if (!value.isEmpty() && !value.startsWith("#")) {
                    values.add(value);
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return Set.copyOf(values);
    }
}
