package org.suggestionbox.localstack;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Infrastructure that runs elsewhere and that the local stack uses instead of starting its own:
 * read from {@code KAFKA_BOOTSTRAP_SERVERS}, {@code MONGODB_URI}, {@code SMTP_HOST} and
 * {@code SMTP_PORT}. A blank value counts as not set.
 *
 * @param kafkaBootstrapServers an external Kafka cluster, or {@code null} to start a broker
 * @param mongoUri an external MongoDB, or {@code null} to start the MongoDB-wire server
 * @param smtpHost an external SMTP server, or {@code null} to start the capturing SMTP server
 * @param smtpPort the external SMTP server's port (25 unless {@code SMTP_PORT} says otherwise)
 */
record Externals(
        @Nullable String kafkaBootstrapServers,
        @Nullable String mongoUri,
        @Nullable String smtpHost,
        int smtpPort) {

    static final Externals NONE = new Externals(null, null, null, 25);

    static Externals from(Map<String, String> environment) {
        String smtpPortText = value(environment, "SMTP_PORT");
        int smtpPort;
        try {
            smtpPort = smtpPortText == null ? 25 : Integer.parseInt(smtpPortText);
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("SMTP_PORT must be a port number, was '" + smtpPortText + "'", ex);
        }
        return new Externals(
                value(environment, "KAFKA_BOOTSTRAP_SERVERS"),
                value(environment, "MONGODB_URI"),
                value(environment, "SMTP_HOST"),
                smtpPort);
    }

    private static @Nullable String value(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
