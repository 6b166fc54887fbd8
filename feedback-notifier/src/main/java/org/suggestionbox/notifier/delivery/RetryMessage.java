package org.suggestionbox.notifier.delivery;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.suggestionbox.notifier.message.Contact;
import org.suggestionbox.notifier.message.Message;
import org.suggestionbox.notifier.message.Recipient;

/**
 * What a ledger row keeps of a message while its delivery waits for a retry: the text as composed,
 * in the recipient's language (the inbox keeps the same text), and no name, id or address; the
 * channel finds the destination again by the recipient's opaque reference ({@code channelRef}: the
 * person's own, under which her preferences are kept, even where the row's proof reference is made per
 * idea for an anonymous submitter; the notifier's own ledger, never published).
 */
record RetryMessage(
        String title,
        List<String> paragraphs,
        String link,
        Locale locale,
        boolean anonymous,
        Instant occurredAt,
        @Nullable String channelRef) {

    static RetryMessage of(Message message, String channelRef) {
        return new RetryMessage(
                message.title(),
                message.paragraphs(),
                message.link(),
                message.locale(),
                message.recipient().contact().anonymous(),
                message.occurredAt(),
                channelRef);
    }

    Document toDocument() {
        return new Document("title", title)
                .append("paragraphs", paragraphs)
                .append("link", link)
                .append("locale", locale.toLanguageTag())
                .append("anonymous", anonymous)
                .append("occurredAt", Date.from(occurredAt))
                .append("channelRef", channelRef);
    }

    static RetryMessage from(Document document) {
        return new RetryMessage(
                document.getString("title"),
                document.getList("paragraphs", String.class, List.of()),
                document.getString("link"),
                Locale.forLanguageTag(document.getString("locale")),
                document.getBoolean("anonymous", false),
                document.getDate("occurredAt").toInstant(),
                document.getString("channelRef"));
    }

    /** The message again, its recipient known only by role and language. */
    Message toMessage(Delivery delivery) {
        Contact nobodyByName = new Contact("", null, "", locale, anonymous);
        return new Message(
                delivery.sourceEventId(),
                delivery.sourceEventType(),
                delivery.ideaId(),
                delivery.kind(),
                new Recipient(nobodyByName, delivery.recipientRole()),
                title,
                paragraphs,
                link,
                occurredAt);
    }
}
