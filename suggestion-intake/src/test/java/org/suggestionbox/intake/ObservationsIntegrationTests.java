package org.suggestionbox.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.suggestionbox.testing.ObservationNames;
import org.suggestionbox.testing.SuggestionBoxInfrastructure;

/**
 * Every request is timed ({@code http.server.requests}); Spring Security makes no observations at all, not
 * even ones switched off by name, which still wrapped every filter of every request (issue #13).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuggestionBoxInfrastructure
@Import(ObservationNames.class)
class ObservationsIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void requestsAreTimedAndSpringSecurityObservesNothing() {
        ObservationNames.clear();

        assertThat(TestHttp.as(port, "alice").get("/ideas/new").statusCode()).isEqualTo(200);
        assertThat(TestHttp.anonymous(port).postJson("/api/ideas", "{}").statusCode())
                .isEqualTo(401);

        assertThat(ObservationNames.asked())
                .contains("http.server.requests")
                .noneMatch(name -> name.startsWith("spring.security"));
    }
}
