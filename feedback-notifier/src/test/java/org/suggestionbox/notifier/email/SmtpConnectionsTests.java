package org.suggestionbox.notifier.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Against a real SMTP server (GreenMail) of its own, so that it can be stopped and started. */
class SmtpConnectionsTests {

    private final int port = freePort();

    private GreenMail server = startServer();

    private SmtpConnections connections;

    @BeforeEach
    void setUp() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(this.port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
        this.connections = new SmtpConnections(sender, MailProperties.keeping(2));
    }

    @AfterEach
    void tearDown() {
        this.connections.close();
        this.server.stop();
    }

    @Test
    void mailsInARowShareOneConnection() throws MessagingException {
        this.connections.send(mail("first"));
        Transport first = this.connections.idleTransport();
        this.connections.send(mail("second"));
        this.connections.send(mail("third"));

        assertThat(this.server.getReceivedMessages())
                .extracting(MimeMessage::getSubject)
                .containsExactly("first", "second", "third");
        assertThat(this.connections.idleConnections()).isOne();
        assertThat(this.connections.idleTransport()).isSameAs(first);
    }

    @Test
    void aConnectionTheServerDroppedIsReplaced() throws MessagingException {
        this.connections.send(mail("before"));
        Transport dropped = this.connections.idleTransport();
        this.server.stop();
        this.server = startServer();

        this.connections.send(mail("after"));

        assertThat(this.server.getReceivedMessages())
                .extracting(MimeMessage::getSubject)
                .containsExactly("after");
        assertThat(this.connections.idleTransport()).isNotSameAs(dropped);
        assertThat(dropped.isConnected()).isFalse();
    }

    @Test
    void aFailedSendReportsTheCauseAndKeepsNoConnection() throws MessagingException {
        this.connections.send(mail("before"));
        this.server.stop();

        assertThatExceptionOfType(MailSendException.class)
                .isThrownBy(() -> this.connections.send(mail("lost")))
                .withMessageContaining("Sending the mail over SMTP failed");
        assertThat(this.connections.idleConnections()).isZero();
    }

    @Test
    void keepsNoMoreIdleConnectionsThanConfigured() throws Exception {
        int senders = 4;
        Thread[] threads = new Thread[senders];
        for (int i = 0; i < senders; i++) {
            String subject = "parallel " + i;
            threads[i] = Thread.ofPlatform().start(() -> this.connections.send(mail(subject)));
        }
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(10));
        }

        assertThat(this.server.getReceivedMessages()).hasSize(senders);
        assertThat(this.connections.idleConnections()).isBetween(1, 2);
    }

    private MimeMessage mail(String subject) {
        MimeMessage mime = this.connections.createMimeMessage();
        try {
            mime.setFrom("suggestions@example.org");
            mime.setRecipients(Message.RecipientType.TO, "alice@example.org");
            mime.setSubject(subject);
            mime.setText("Hello");
        } catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
        return mime;
    }

    private GreenMail startServer() {
        GreenMail mail = new GreenMail(new ServerSetup(this.port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        return mail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
