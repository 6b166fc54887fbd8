package org.suggestionbox.notifier.delivery;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.bson.Document;
import org.suggestionbox.notifier.message.Contact;
import org.suggestionbox.notifier.message.Message;
import org.suggestionbox.notifier.message.Recipient;

/**
 * What a ledger row keeps of a message while its delivery waits for a retry: the text as composed,
 * in the recipient's language (the inbox keeps the same text), and no name, id or address; the
 * channel finds the destination again by the recipient's opaque reference.
 */
record RetryMessage(String title, List<String> paragraphs, String link, Locale locale, boolean anonymous,
        Instant occurredAt) {

    static RetryMessage of(Message message) {
        return new RetryMessage(message.title(), message.paragraphs(), message.link(), message.locale(),
                message.recipient().contact().anonymous(), message.occurredAt());
    }

    Document toDocument() {
        return new Document("title", title).append("paragraphs", paragraphs).append("link", link)
                .append("locale", locale.toLanguageTag()).append("anonymous", anonymous)
                .append("occurredAt", Date.from(occurredAt));
    }

    static RetryMessage from(Document document) {
        return new RetryMessage(document.getString("title"), document.getList("paragraphs", String.class, List.of()),
                document.getString("link"), Locale.forLanguageTag(document.getString("locale")),
                document.getBoolean("anonymous", false), document.getDate("occurredAt").toInstant());
    }

    /** The message again, its recipient known only by role and language. */
    Message toMessage(Delivery delivery) {
        Contact nobodyByName = new Contact("", null, "", locale, anonymous);
        return new Message(delivery.sourceEventId(), delivery.sourceEventType(), delivery.ideaId(), delivery.kind(),
                new Recipient(nobodyByName, delivery.recipientRole()), title, paragraphs, link, occurredAt);
    }
}
