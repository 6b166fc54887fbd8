package org.suggestionbox.systemtests;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;

/** Decoded text of captured mails (transfer encodings undone, all text parts joined). */
final class Mails {

    private Mails() {}

    static boolean isTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to != null
                    && Arrays.stream(to)
                            .anyMatch(recipient -> recipient.toString().contains(address));
        } catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String text(MimeMessage message) {
        try {
            StringBuilder text =
                    new StringBuilder(message.getSubject() == null ? "" : message.getSubject()).append('\n');
            append(message, text);
            return text.toString();
        } catch (MessagingException | IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void append(Part part, StringBuilder text) throws MessagingException, IOException {
        Object content = part.getContent();
        if (part.isMimeType("text/*") && content instanceof String body) {
            text.append(body).append('\n');
        } else if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                append(multipart.getBodyPart(i), text);
            }
        }
    }
}
