package org.suggestionbox.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.ObservationPredicate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.suggestionbox.testing.SuggestionBoxInfrastructure;

/**
 * Every request is timed ({@code http.server.requests}); Spring Security makes no observations at all, not
 * even ones switched off by name, which still wrapped every filter of every request (issue #13).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuggestionBoxInfrastructure
@Import(ObservationsIntegrationTests.AskedFor.class)
class ObservationsIntegrationTests {

    /** The name of every observation made, enabled or not: each is put to the registry's predicates. */
    static final Set<String> ASKED = ConcurrentHashMap.newKeySet();

    @LocalServerPort
    int port;

    @Test
    void requestsAreTimedAndSpringSecurityObservesNothing() {
        ASKED.clear();

        assertThat(TestHttp.as(port, "alice").get("/ideas/new").statusCode()).isEqualTo(200);
        assertThat(TestHttp.anonymous(port).postJson("/api/ideas", "{}").statusCode())
                .isEqualTo(401);

        assertThat(ASKED).contains("http.server.requests").noneMatch(name -> name.startsWith("spring.security"));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class AskedFor {

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE) // asked first: the registry stops at the first predicate saying no
        ObservationPredicate recordEveryObservation() {
            return (name, context) -> {
                ASKED.add(name);
                return true;
            };
        }
    }
}
