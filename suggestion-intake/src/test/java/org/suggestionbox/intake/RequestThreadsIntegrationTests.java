package org.suggestionbox.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Executor;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.suggestionbox.testing.SuggestionBoxInfrastructure;

/**
 * Intake's request threads are capped below Tomcat's default 200: at 100 ideas/s the benchmark saw 184 of them when
 * latency rose, and their stacks took intake over issue #13's 256 MB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuggestionBoxInfrastructure
class RequestThreadsIntegrationTests {

    @Autowired
    WebServerApplicationContext context;

    @Test
    void tomcatServesRequestsWithAtMostThirtyTwoThreads() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        Executor executor =
                server.getTomcat().getConnector().getProtocolHandler().getExecutor();

        assertThat(executor)
                .isInstanceOfSatisfying(
                        ThreadPoolExecutor.class,
                        pool -> assertThat(pool.getMaximumPoolSize()).isEqualTo(32));
    }
}
