package org.suggestionbox.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ActiveProfiles;

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
 * <p>
 * Spring tests run under the {@code local} profile, the only home of demo conveniences (HTTP Basic with
 * the demo password, demo secrets); without it a service is in production and refuses to start
 * without its secrets.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(InfrastructureExtension.class)
@ActiveProfiles("local")
public @interface SuggestionBoxInfrastructure {}
