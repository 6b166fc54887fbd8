package org.suggestionbox.notifier;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** Reads the shared GreenMail server: other tests send mail too, so every lookup filters. */
final class Mailbox {

    private Mailbox() {}

    /** Mails to {@code address} whose subject contains {@code subjectPart}. */
    static List<MimeMessage> mailsTo(GreenMail greenMail, String address, String subjectPart) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(mail -> addressedTo(mail, address) && subject(mail).contains(subjectPart))
                .toList();
    }

    static String subject(MimeMessage mail) {
        try {
            String subject = mail.getSubject();
            return subject == null ? "" : subject;
        } catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** All text parts of a mail, plain and HTML, one after the other. */
    static String text(Part part) {
        try {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
            if (content instanceof Multipart multipart) {
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    all.append(text(multipart.getBodyPart(i))).append('\n');
                }
                return all.toString();
            }
            return "";
        } catch (IOException | MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static boolean addressedTo(MimeMessage mail, String address) {
        try {
            Address[] to = mail.getRecipients(Message.RecipientType.TO);
            return to != null
                    && Arrays.stream(to)
                            .anyMatch(a -> a instanceof InternetAddress internet
                                    && address.equalsIgnoreCase(internet.getAddress()));
        } catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
