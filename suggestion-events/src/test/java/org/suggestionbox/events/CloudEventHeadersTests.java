package org.suggestionbox.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudEventHeadersTests {

    @Test
    void carriesTheCloudEventsAttributesOfTheEvent() {
        IdeaSubmitted event = EventSamples.ideaSubmitted();
        Map<String, String> headers = CloudEventHeaders.of(event, "/suggestion-intake");
        assertThat(headers)
                .containsExactly(
                        entry("ce_id", event.eventId().toString()),
                        entry("ce_type", "org.suggestionbox.IdeaSubmitted.v1"),
                        entry("ce_source", "/suggestion-intake"),
                        entry("ce_specversion", "1.0"),
                        entry("ce_time", "2026-03-02T09:15:30.123Z"),
                        entry("ce_subject", EventSamples.IDEA_ID.toString()),
                        entry("content-type", "application/json"));
    }

    @Test
    void theTypeNamesTheRecordAndItsSchemaVersion() {
        assertThat(EventSamples.all())
                .allSatisfy(event -> assertThat(CloudEventHeaders.of(event, "/test"))
                        .containsEntry(
                                CloudEventHeaders.TYPE,
                                "org.suggestionbox." + event.getClass().getSimpleName() + ".v" + event.schemaVersion())
                        .containsEntry(CloudEventHeaders.SUBJECT, event.ideaId().toString()));
        assertThat(EventSamples.notificationFailed().cloudEventType())
                .isEqualTo("org.suggestionbox.NotificationFailed.v1");
    }
}
