package org.suggestionbox.router.support;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every router flow test starts from: the running router's port, its JSON mapper and database, and a
 * {@link RouterFixture} with its HTTP client and event helpers, made afresh before each test.
 */
@RouterIntegrationTest
public abstract class RouterFlowTest {

    protected static final Duration WAIT = RouterFixture.WAIT;

    @LocalServerPort
    protected int port;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected MongoTemplate mongo;

    protected RouterFixture router;

    protected RouterHttp http;

    protected TestEvents events;

    @BeforeEach
    void setUpRouterFixture() {
        router = new RouterFixture(port, json);
        http = router.http();
        events = router.events();
    }
}
