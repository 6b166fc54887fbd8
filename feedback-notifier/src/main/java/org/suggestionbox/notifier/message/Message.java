package org.suggestionbox.notifier.message;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One message for one recipient, already in their language; the channels only render it.
 *
 * @param sourceEventType the simple class name of the lifecycle event, e.g. {@code IdeaDecided}
 * @param title a one-line summary: the e-mail subject and the inbox headline
 * @param paragraphs the body, one entry per paragraph
 * @param link the idea's page
 * @param occurredAt when the lifecycle event happened
 */
public record Message(
        UUID sourceEventId,
        String sourceEventType,
        UUID ideaId,
        MessageKind kind,
        Recipient recipient,
        String title,
        List<String> paragraphs,
        String link,
        Instant occurredAt) {

    public Message {
        paragraphs = List.copyOf(paragraphs);
    }

    public Locale locale() {
        return recipient.locale();
    }

    /** The key of the words on the link: "Open the idea", or for the monthly digest "See all implemented ideas". */
    public String linkTextKey() {
        return kind == MessageKind.YOU_SAID_WE_DID ? "mail.yousaid.open" : "mail.open";
    }

    /** The body as plain text, paragraphs separated by a blank line. */
    public String body() {
        return String.join("\n\n", paragraphs);
    }

    /**
     * What the logs say of the message. An anonymous submitter's is not tied to its event there: a failure on one of
     * the channels she chose, her own webhook say, would tell who sent that idea.
     */
    @Override
    public String toString() {
        String event = recipient.contact().anonymous() ? sourceEventType : sourceEventType + " " + sourceEventId;
        return "Message[" + kind + " of " + event + " to " + recipient + "]";
    }
}
