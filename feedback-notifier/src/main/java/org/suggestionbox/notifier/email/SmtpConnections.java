package org.suggestionbox.notifier.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.suggestionbox.notifier.config.NotifierProperties;

/**
 * SMTP connections kept open between mails, at most {@code suggestionbox.notifier.smtp-connections}
 * idle at a time. {@link JavaMailSenderImpl} opens a connection per mail: greeting, EHLO (and STARTTLS
 * and AUTH against a real relay) before every message. Measured against GreenMail on loopback that is
 * 45 ms per mail, against 1 ms over an open connection, and it capped the notifier at a few ideas per
 * second (issue #6). A connection is checked with {@code NOOP} before each use, so one the server
 * closed while idle is replaced; one that fails while sending is closed, never reused, and the
 * failure goes to the caller (the delivery ledger retries the delivery).
 */
@Component
class SmtpConnections implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpConnections.class);

    /**
     * Jakarta Mail looks its stream provider up with a {@link java.util.ServiceLoader} scan of every jar
     * each time a message, body part or multipart is made (about 15 % of the notifier's CPU per idea
     * under load); named as a system property it is instantiated directly.
     */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final JavaMailSenderImpl mailSender;

    private final BlockingDeque<Transport> idle = new LinkedBlockingDeque<>();

    private final int maxIdle;

    SmtpConnections(JavaMailSenderImpl mailSender, NotifierProperties properties) {
        this.mailSender = mailSender;
        this.maxIdle = properties.smtpConnections();
    }

    /** A message to fill and {@link #send}, in the mail session of these connections. */
    MimeMessage createMimeMessage() {
        return this.mailSender.createMimeMessage();
    }

    void send(MimeMessage mime) {
        Transport transport = null;
        try {
            mime.saveChanges();
            transport = connected();
            transport.sendMessage(mime, mime.getAllRecipients());
        } catch (MessagingException ex) {
            close(transport);
            throw new MailSendException("Sending the mail over SMTP failed: " + ex.getMessage(), ex);
        } catch (RuntimeException ex) {
            close(transport);
            throw ex;
        }
        this.idle.offerFirst(transport);
        if (this.idle.size() > this.maxIdle) {
            close(this.idle.pollLast());
        }
    }

    /** The most recently used idle connection that still answers, or a new one. */
    private Transport connected() throws MessagingException {
        for (Transport transport = this.idle.pollFirst(); transport != null; transport = this.idle.pollFirst()) {
            if (transport.isConnected()) {
                return transport;
            }
            close(transport);
        }
        String protocol = this.mailSender.getProtocol();
        Transport transport = this.mailSender.getSession().getTransport(protocol != null ? protocol : "smtp");
        transport.connect(
                this.mailSender.getHost(),
                this.mailSender.getPort(),
                this.mailSender.getUsername(),
                this.mailSender.getPassword());
        return transport;
    }

    int idleConnections() {
        return this.idle.size();
    }

    /** The connection the next mail will try first. */
    @Nullable
    Transport idleTransport() {
        return this.idle.peekFirst();
    }

    @Override
    public void close() {
        for (Transport transport = this.idle.pollFirst(); transport != null; transport = this.idle.pollFirst()) {
            close(transport);
        }
    }

    private static void close(@Nullable Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException ex) {
            LOG.debug("Closing an SMTP connection failed: {}", ex.getMessage());
        }
    }
}
