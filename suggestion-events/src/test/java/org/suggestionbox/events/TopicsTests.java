package org.suggestionbox.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTests {

    @Test
    void allNamesTheThreeTopics() {
        assertThat(Topics.ALL)
                .containsExactly("ideas.submitted.v1", "ideas.lifecycle.v1", "notifications.delivered.v1");
    }

    @Test
    void eachTopicCarriesItsSealedEventType() {
        assertThat(Topics.eventTypeOf(Topics.IDEAS_SUBMITTED)).isEqualTo(IdeaSubmission.class);
        assertThat(Topics.eventTypeOf(Topics.IDEAS_LIFECYCLE)).isEqualTo(IdeaLifecycleEvent.class);
        assertThat(Topics.eventTypeOf(Topics.NOTIFICATIONS_DELIVERED)).isEqualTo(NotificationEvent.class);
    }

    @Test
    void deadLetterTopicsCarryTheTypeOfTheirSource() {
        assertThat(Topics.deadLetterOf(Topics.IDEAS_LIFECYCLE)).isEqualTo("ideas.lifecycle.v1.DLT");
        for (String topic : Topics.ALL) {
            assertThat(Topics.eventTypeOf(Topics.deadLetterOf(topic))).isEqualTo(Topics.eventTypeOf(topic));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ideas.submitted.v2",
                "ideas.lifecycle",
                "orders.v1",
                ".DLT",
                "",
                "ideas.lifecycle.v1.DLT.DLT",
                "ideas.lifecycle.v1.dlt",
                "IDEAS.LIFECYCLE.V1"
            })
    void otherTopicsAreRejected(String topic) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Topics.eventTypeOf(topic))
                .withMessageContaining(topic);
    }
}
