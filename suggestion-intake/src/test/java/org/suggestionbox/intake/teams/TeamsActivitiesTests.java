package org.suggestionbox.intake.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.suggestionbox.testing.MutableClock;
import org.suggestionbox.testing.SuggestionBoxInfrastructure;

/**
 * The Teams replay memory on the shared MongoDB-wire server, in a MongoDB slice: no web layer, no
 * Kafka. Each test uses activity ids of its own, so the shared collection needs no clean-up.
 */
@DataMongoTest
@SuggestionBoxInfrastructure
@Import({TeamsActivities.class, TeamsActivitiesTests.Settings.class})
class TeamsActivitiesTests {

    private static final Duration WINDOW = Duration.ofHours(24);

    @TestConfiguration(proxyBeanMethods = false)
    static class Settings {

        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
        }

        @Bean
        TeamsProperties teamsProperties() {
            return new TeamsProperties("", WINDOW, Duration.ofMinutes(5), Duration.ofHours(1));
        }
    }

    @Autowired
    TeamsActivities activities;

    @Autowired
    MutableClock clock;

    @Autowired
    MongoTemplate mongo;

    private final String activityId = "activity-" + UUID.randomUUID();

    @Test
    void theFirstRequestClaimsAnActivityAndARepeatFindsItInFlight() {
        assertThat(activities.claim(activityId)).isInstanceOf(TeamsActivities.Claim.Claimed.class);
        assertThat(activities.claim(activityId)).isInstanceOf(TeamsActivities.Claim.InFlight.class);
    }

    @Test
    void aRepeatOfAnAnsweredActivityGetsItsIdea() {
        UUID ideaId = UUID.randomUUID();
        activities.claim(activityId);
        activities.answered(activityId, ideaId, "http://router/ideas/" + ideaId);

        assertThat(activities.claim(activityId))
                .isEqualTo(new TeamsActivities.Claim.Answered(ideaId, "http://router/ideas/" + ideaId));
    }

    @Test
    void aReleasedActivityMayBeClaimedAgain() {
        activities.claim(activityId);
        activities.release(activityId);

        assertThat(activities.claim(activityId)).isInstanceOf(TeamsActivities.Claim.Claimed.class);
    }

    @Test
    void anActivityOlderThanTheReplayWindowIsTakenOverAndThenForgotten() {
        UUID ideaId = UUID.randomUUID();
        activities.claim(activityId);
        activities.answered(activityId, ideaId, "http://router/ideas/" + ideaId);

        clock.advance(WINDOW.plusSeconds(1));
        assertThat(activities.claim(activityId)).isInstanceOf(TeamsActivities.Claim.Claimed.class);
        assertThat(activities.claim(activityId))
                .as("the taken-over claim carries no idea")
                .isInstanceOf(TeamsActivities.Claim.InFlight.class);

        clock.advance(WINDOW.plusSeconds(1));
        activities.forgetExpired();
        assertThat(mongo.getCollection(TeamsActivities.COLLECTION)
                        .countDocuments(new org.bson.Document("_id", activityId)))
                .isZero();
    }
}
