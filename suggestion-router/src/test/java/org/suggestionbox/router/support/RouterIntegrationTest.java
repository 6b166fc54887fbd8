package org.suggestionbox.router.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.suggestionbox.testing.SuggestionBoxInfrastructure;

/**
 * The one configuration of every router integration test, so all of them share one cached Spring
 * context: the whole router on a random port, on the shared broker and MongoDB-wire server, with a
 * {@link MutableClock} as its {@link Clock}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuggestionBoxInfrastructure
@Import(RouterIntegrationTest.ClockConfiguration.class)
public @interface RouterIntegrationTest {

    /** Replaces the platform's system clock (it backs off when a {@link Clock} bean exists). */
    @TestConfiguration(proxyBeanMethods = false)
    class ClockConfiguration {

        @Bean
        MutableClock clock() {
            return new MutableClock();
        }
    }
}
