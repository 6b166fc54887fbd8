/**
 * Real infrastructure for tests. {@link org.suggestionbox.testing.SuggestionBoxInfrastructure} on a
 * test class gives it a Kafka broker, a MongoDB-wire server and an SMTP server, started once per
 * test JVM and shared; tests isolate themselves with their own ids, topics or databases.
 */
package org.suggestionbox.testing;
