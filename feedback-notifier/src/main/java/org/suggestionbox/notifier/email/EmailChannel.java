package org.suggestionbox.notifier.email;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.PreencodedMimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.notifier.config.NotifierProperties;
import org.suggestionbox.notifier.delivery.NotificationChannel;
import org.suggestionbox.notifier.digest.Digest;
import org.suggestionbox.notifier.digest.DigestItem;
import org.suggestionbox.notifier.digest.DigestMailer;
import org.suggestionbox.notifier.message.Contact;
import org.suggestionbox.notifier.message.Message;
import org.suggestionbox.notifier.message.MessageKind;
import org.suggestionbox.notifier.message.Texts;
import org.suggestionbox.platform.web.DirectoryLocaleResolver;

/**
 * Sends a message by e-mail over SMTP: {@code multipart/alternative} with plain text and HTML (right-to-left for
 * Hebrew), subject and text in the recipient's language. Also sends the daily digests.
 * <p>
 * The HTML comes from templates compiled to Java at build time ({@code src/main/jte/mail}, jte): rendering the
 * notification mail with Thymeleaf, as the pages are, was 17.5 % of the notifier's samples at 200 ideas/s (JFR,
 * issue #13).
 * <p>
 * The alternative is the mail's only multipart: Spring's {@code MimeMessageHelper} in multipart mode nests it in
 * {@code multipart/mixed} and {@code multipart/related} for attachments and inline images, which these mails do not
 * have, and every level is built, written and parsed again by the receiving server.
 */
@Component
@Order(2)
class EmailChannel implements NotificationChannel, DigestMailer {

    private static final String UTF_8 = "UTF-8";

    /** base64 in lines of 76 characters, ending in CRLF, as RFC 2045 has it. */
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder();

    /** The mail templates, compiled into this package's {@code templates} package by the jte Maven plugin. */
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(
            null,
            ContentType.Html,
            EmailChannel.class.getClassLoader(),
            EmailChannel.class.getPackageName() + ".templates");

    private final SmtpConnections smtp;
    private final Texts texts;
    private final NotifierProperties properties;

    EmailChannel(SmtpConnections smtp, Texts texts, NotifierProperties properties) {
        this.smtp = smtp;
        this.texts = texts;
        this.properties = properties;
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.EMAIL;
    }

    @Override
    public void send(Message message, String recipientRef) {
        send(
                message.recipient().email(),
                message.locale(),
                message.title(),
                plainText(message),
                html(message),
                message);
    }

    /**
     * Sends the messages over several SMTP connections at once ({@link SmtpConnections#sendAll}), each recipient's
     * in their order over one of them.
     */
    @Override
    public Map<Integer, RuntimeException> sendAll(List<Addressed> messages) {
        return smtp.sendAll(
                messages.stream().map(Addressed::recipientRef).toList(),
                index -> send(messages.get(index).message(), messages.get(index).recipientRef()));
    }

    @Override
    public void send(Digest digest) {
        Locale locale = digest.locale();
        send(
                digest.contact().email(),
                locale,
                texts.count("mail.digest.subject", locale, digest.items().size()),
                plainText(digest),
                html(digest),
                digest);
    }

    private void send(String to, Locale locale, String subject, String plainText, String html, Object what) {
        MimeMessage mime = smtp.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(mime, UTF_8);
            helper.setFrom(properties.mailFrom());
            helper.setTo(to);
            helper.setSubject(subject);
            mime.setContent(new MimeMultipart("alternative", text(plainText, "plain"), text(html, "html")));
            mime.setHeader("Content-Language", locale.getLanguage());
        } catch (MessagingException ex) {
            throw new MailPreparationException("Cannot prepare the e-mail for " + what, ex);
        }
        smtp.send(mime);
    }

    /**
     * A text part in UTF-8, base64-encoded: valid for any text in any language. Left to choose, Jakarta Mail reads
     * each part through first to pick an encoding, and its usual pick for these mails, quoted-printable, is the
     * slower to write: together 18 % of the notifier's samples at 200 ideas/s. Encoded by Jakarta Mail, base64
     * was still 8.5 %, written byte by byte through its encoder stream; the JDK's encoder takes the whole text at
     * once, and the part writes the encoded bytes as they are (JFR, issue #13).
     */
    private static MimeBodyPart text(String text, String subtype) throws MessagingException {
        MimeBodyPart part = new PreencodedMimeBodyPart("base64");
        byte[] encoded = BASE64.encode(text.getBytes(StandardCharsets.UTF_8));
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(encoded, "text/" + subtype + "; charset=UTF-8")));
        // said up front: without it, Jakarta Mail still reads the part through to choose an encoding (2.8 %)
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }

    private String greeting(Message message) {
        return greeting(message.recipient().contact());
    }

    private String greeting(Contact contact) {
        String name = contact.name();
        return name == null
                ? texts.text("mail.greeting.anonymous", contact.locale())
                : texts.text("mail.greeting", contact.locale(), name);
    }

    private String heading(Digest digest) {
        return texts.text(
                "mail.digest.heading",
                digest.locale(),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(digest.locale())
                        .format(digest.day()));
    }

    String plainText(Digest digest) {
        Locale locale = digest.locale();
        StringBuilder text = new StringBuilder(greeting(digest.contact()))
                .append("\n\n")
                .append(heading(digest))
                .append("\n");
        for (DigestItem item : digest.items()) {
            text.append("\n* ")
                    .append(item.title())
                    .append("\n\n")
                    .append(item.body())
                    .append("\n\n")
                    .append(texts.text("mail.open", locale))
                    .append(": ")
                    .append(item.link())
                    .append("\n");
        }
        return text.append("\n-- \n")
                .append(texts.text("mail.digest.footer", locale))
                .append("\n")
                .toString();
    }

    String html(Digest digest) {
        Locale locale = digest.locale();
        return render(
                "mail/digest.jte",
                new DigestMail(
                        locale.getLanguage(),
                        DirectoryLocaleResolver.direction(locale),
                        texts.count(
                                "mail.digest.subject", locale, digest.items().size()),
                        greeting(digest.contact()),
                        heading(digest),
                        digest.items(),
                        texts.text("mail.open", locale),
                        texts.text("mail.digest.footer", locale)));
    }

    String plainText(Message message) {
        Locale locale = message.locale();
        return greeting(message) + "\n\n" + message.title() + "\n\n" + message.body() + "\n\n"
                + texts.text(message.linkTextKey(), locale) + ": " + message.link() + "\n\n-- \n"
                + texts.text(footerKey(message), locale) + "\n";
    }

    /** Why the person receives it: they are involved in the idea, or they did not opt out of the monthly digest. */
    private static String footerKey(Message message) {
        return message.kind() == MessageKind.YOU_SAID_WE_DID ? "mail.yousaid.footer" : "mail.footer";
    }

    String html(Message message) {
        Locale locale = message.locale();
        return render(
                "mail/notification.jte",
                new NotificationMail(
                        locale.getLanguage(),
                        DirectoryLocaleResolver.direction(locale),
                        message.title(),
                        greeting(message),
                        message.paragraphs(),
                        message.link(),
                        texts.text(message.linkTextKey(), locale),
                        texts.text(footerKey(message), locale)));
    }

    private static String render(String template, Object mail) {
        StringOutput html = new StringOutput(4096);
        TEMPLATES.render(template, mail, html);
        return html.toString();
    }
}
