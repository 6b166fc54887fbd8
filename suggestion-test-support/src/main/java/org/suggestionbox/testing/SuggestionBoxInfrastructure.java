package org.suggestionbox.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class real infrastructure: a Kafka broker, a MongoDB-wire server and an SMTP server.
 * Testcontainers runs Kafka and MongoDB where a Docker engine answers; otherwise an in-process Apache
 * Kafka broker (KRaft) and mongo-java-server do. Force either with the system property or
 * environment variable {@value Infrastructure#MODE_PROPERTY} / {@value Infrastructure#MODE_ENV}
 * ({@code containers}, {@code in-process} or {@code auto}).
 * <p>
 * In a Spring test it also sets {@code spring.kafka.bootstrap-servers}, {@code spring.mongodb.uri},
 * {@code spring.mail.host} and {@code spring.mail.port}. Test methods may take an
 * {@link Infrastructure} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(InfrastructureExtension.class)
public @interface SuggestionBoxInfrastructure {
}
