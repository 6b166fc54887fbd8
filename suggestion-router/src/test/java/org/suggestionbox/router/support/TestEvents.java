package org.suggestionbox.router.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.events.IdeaSubmission;
import org.suggestionbox.events.IdeaSubmitted;
import org.suggestionbox.events.NotificationDelivered;
import org.suggestionbox.events.NotificationEvent;
import org.suggestionbox.events.RecipientRole;
import org.suggestionbox.events.SubmissionChannel;
import org.suggestionbox.events.Submitter;
import tools.jackson.databind.json.JsonMapper;

/** Events as other services put them on the wire. */
public final class TestEvents {

    private final JsonMapper json;

    public TestEvents(JsonMapper json) {
        this.json = json;
    }

    public static IdeaSubmitted submitted(UUID ideaId, String category, Submitter submitter, String title) {
        return new IdeaSubmitted(
                UUID.randomUUID(),
                ideaId,
                Instant.now(),
                IdeaSubmitted.SCHEMA_VERSION,
                title,
                "Described in enough words to be understood.",
                category,
                SubmissionChannel.WEB,
                submitter,
                "Customer Service",
                "en",
                List.of());
    }

    public static NotificationDelivered deliveredToSubmitter(UUID ideaId, UUID decidedEventId) {
        return new NotificationDelivered(
                UUID.randomUUID(),
                ideaId,
                Instant.now(),
                NotificationDelivered.SCHEMA_VERSION,
                decidedEventId,
                "IdeaDecided",
                RecipientRole.SUBMITTER,
                "ref-1234",
                DeliveryChannel.IN_APP);
    }

    public byte[] bytes(IdeaSubmission event) {
        return json.writerFor(IdeaSubmission.class).writeValueAsBytes(event);
    }

    public byte[] bytes(NotificationEvent event) {
        return json.writerFor(NotificationEvent.class).writeValueAsBytes(event);
    }
}
