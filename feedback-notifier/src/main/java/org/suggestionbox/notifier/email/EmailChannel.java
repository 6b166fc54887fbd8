package org.suggestionbox.notifier.email;

import java.util.Locale;

import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.notifier.config.NotifierProperties;
import org.suggestionbox.notifier.delivery.NotificationChannel;
import org.suggestionbox.notifier.message.Message;
import org.suggestionbox.notifier.message.Texts;
import org.suggestionbox.platform.web.DirectoryLocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends a message by e-mail over SMTP: multipart with plain text and HTML (right-to-left for
 * Hebrew), subject and text in the recipient's language.
 */
@Component
@Order(2)
class EmailChannel implements NotificationChannel {

    private final JavaMailSender mailSender;
    private final ITemplateEngine templates;
    private final Texts texts;
    private final NotifierProperties properties;

    EmailChannel(JavaMailSender mailSender, ITemplateEngine templates, Texts texts, NotifierProperties properties) {
        this.mailSender = mailSender;
        this.templates = templates;
        this.texts = texts;
        this.properties = properties;
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.EMAIL;
    }

    @Override
    public void send(Message message, String recipientRef) {
        MimeMessage mime = mailSender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
            helper.setFrom(properties.mailFrom());
            helper.setTo(message.recipient().email());
            helper.setSubject(message.title());
            helper.setText(plainText(message), html(message));
            mime.setHeader("Content-Language", message.locale().getLanguage());
        }
        catch (MessagingException ex) {
            throw new MailPreparationException("Cannot prepare the e-mail for " + message, ex);
        }
        mailSender.send(mime);
    }

    private String greeting(Message message) {
        String name = message.recipient().contact().name();
        return name == null ? texts.text("mail.greeting.anonymous", message.locale())
                : texts.text("mail.greeting", message.locale(), name);
    }

    String plainText(Message message) {
        Locale locale = message.locale();
        return greeting(message) + "\n\n" + message.title() + "\n\n" + message.body() + "\n\n"
                + texts.text("mail.open", locale) + ": " + message.link() + "\n\n-- \n"
                + texts.text("mail.footer", locale) + "\n";
    }

    String html(Message message) {
        Locale locale = message.locale();
        Context context = new Context(locale);
        context.setVariable("message", message);
        context.setVariable("greeting", greeting(message));
        context.setVariable("lang", locale.getLanguage());
        context.setVariable("dir", DirectoryLocaleResolver.isRightToLeft(locale) ? "rtl" : "ltr");
        return templates.process("mail/notification", context);
    }
}
