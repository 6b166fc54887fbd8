package org.suggestionbox.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.UUID;

/**
 * Events on {@link Topics#NOTIFICATIONS_DELIVERED}: the notifier's proof of what reached whom.
 * Recipients are named by role and an opaque reference, never by identity, so anonymous
 * submitters stay anonymous here too.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NotificationDelivered.class, name = "NotificationDelivered"),
    @JsonSubTypes.Type(value = NotificationFailed.class, name = "NotificationFailed")
})
public sealed interface NotificationEvent extends IdeaEvent permits NotificationDelivered, NotificationFailed {

    /** The lifecycle event the notification was made from. */
    UUID sourceEventId();

    /** The simple type name of that lifecycle event, e.g. {@code IdeaDecided}. */
    String sourceEventType();

    RecipientRole recipientRole();

    /** The recipient's opaque reference: a hash, never a name; for an anonymous submitter one made per idea. */
    String recipientRef();

    DeliveryChannel channel();
}
