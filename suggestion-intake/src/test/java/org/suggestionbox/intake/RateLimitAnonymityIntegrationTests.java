package org.suggestionbox.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.suggestionbox.testing.SuggestionBoxInfrastructure;

/**
 * The per-person rate-limit bucket, written milliseconds before an anonymous idea is stamped, names nobody: it is kept
 * under a keyed hash of the person id. Its own context with a limit of 3: using up alice's budget here leaves the
 * classes that share the common context, and submit as alice, untouched (an instance remembers a bucket's state, so
 * deleting the documents alone would not give it back to them within the minute).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "suggestionbox.intake.rate-limit=3")
@SuggestionBoxInfrastructure
class RateLimitAnonymityIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    @AfterEach
    void fillTheRateLimitBuckets() {
        mongo.getCollection("rateLimitBuckets").deleteMany(new Document());
    }

    @Test
    void anonymousIdeaLeavesNoTraceOfItsSubmitterInTheRateLimitBucketsWhileHerLimitHolds() {
        TestHttp alice = TestHttp.as(port, "alice");

        HttpResponse<String> anonymous = alice.postJson("/api/ideas", anonymousIdea());

        assertThat(anonymous.statusCode()).isEqualTo(202);
        List<Document> buckets = mongo.getCollection("rateLimitBuckets").find().into(new ArrayList<>());
        assertThat(buckets)
                .extracting(bucket -> bucket.getString("_id"))
                .hasSize(2)
                .contains("global")
                .anySatisfy(id -> assertThat(id).matches("person:[0-9a-f]{64}"));
        assertThat(buckets).allSatisfy(bucket -> assertThat(bucket.toJson()).doesNotContainIgnoringCase("alice"));

        // her limit holds all the same, anonymous or not: 3 a minute
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(alice.postJson("/api/ideas", anonymousIdea()).statusCode());
        }
        assertThat(statuses).containsExactly(202, 202, 429);
    }

    private static String anonymousIdea() {
        return IdeaIntakeIntegrationTests.json(Map.of(
                "title",
                "Anonymous and counted " + UUID.randomUUID(),
                "description",
                "Nobody should learn it was me",
                "anonymous",
                true));
    }
}
