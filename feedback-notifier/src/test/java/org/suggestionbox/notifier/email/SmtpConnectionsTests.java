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
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Against a real SMTP server (GreenMail) of its own, so that it can be stopped and started. */
class SmtpConnectionsTests {

    private final int port = freePort();

    private GreenMail server = startServer();

    /** What the client said and heard: Jakarta Mail's protocol trace. */
    private final ByteArrayOutputStream trace = new ByteArrayOutputStream();

    private SmtpConnections connections;

    @BeforeEach
    void setUp() {
        // a minute, not the second the notifier trusts a connection for: a busy build machine may pause a test that
        // long
        this.connections = new SmtpConnections(sender(), MailProperties.keeping(2), Duration.ofMinutes(1));
    }

    private JavaMailSenderImpl sender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(this.port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
        sender.getSession().setDebug(true);
        sender.getSession().setDebugOut(new PrintStream(this.trace, true, StandardCharsets.UTF_8));
        return sender;
    }

    /** How many times the client asked the server whether a connection is still open. */
    private long noops() {
        return this.trace
                .toString(StandardCharsets.UTF_8)
                .lines()
                .filter("NOOP"::equals)
                .count();
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
        // each mail came within the time a connection is trusted for, so the connection was not checked
        assertThat(noops()).isZero();
    }

    @Test
    void aConnectionIdleLongerThanItIsTrustedIsCheckedFirst() throws MessagingException {
        this.connections.close();
        this.connections = new SmtpConnections(sender(), MailProperties.keeping(2), Duration.ZERO);

        this.connections.send(mail("first"));
        Transport first = this.connections.idleTransport();
        this.connections.send(mail("second"));

        assertThat(noops()).isOne();
        assertThat(this.connections.idleTransport()).isSameAs(first);
    }

    @Test
    void aConnectionTheServerDroppedIsFoundByTheCheckAndReplaced() throws MessagingException {
        this.connections.close();
        this.connections = new SmtpConnections(sender(), MailProperties.keeping(2), Duration.ZERO);

        Transport dropped = sendAcrossARestartOfTheServer();

        assertThat(this.connections.idleTransport()).isNotSameAs(dropped);
        assertThat(noops()).isOne();
    }

    @Test
    void aConnectionTheServerDroppedMomentsAgoFailsAndTheMailGoesOverANewOne() throws MessagingException {
        Transport dropped = sendAcrossARestartOfTheServer();

        assertThat(this.connections.idleTransport()).isNotSameAs(dropped);
        assertThat(dropped.isConnected()).isFalse();
        assertThat(noops()).isZero();
    }

    /** Sends "before", restarts the server, sends "after", which only the new server has; the first connection. */
    private Transport sendAcrossARestartOfTheServer() throws MessagingException {
        this.connections.send(mail("before"));
        Transport first = this.connections.idleTransport();
        this.server.stop();
        this.server = startServer();

        this.connections.send(mail("after"));

        assertThat(this.server.getReceivedMessages())
                .extracting(MimeMessage::getSubject)
                .containsExactly("after");
        return first;
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

    @Test
    void aBatchGoesOverSeveralConnectionsAtOnceEachRecipientsMailsInOrder() throws Exception {
        List<String> recipients = List.of("alice", "noa", "alice", "noa", "piotr", "alice");
        CountDownLatch bothLanesSending = new CountDownLatch(2);
        AtomicInteger waitedInVain = new AtomicInteger();

        Map<Integer, RuntimeException> failures = this.connections.sendAll(recipients, index -> {
            if (index < 2) {
                // alice's first mail and noa's first wait for each other: only lanes sending at once get past this
                bothLanesSending.countDown();
                if (!awaitQuietly(bothLanesSending)) {
                    waitedInVain.incrementAndGet();
                }
            }
            this.connections.send(mail(recipients.get(index), "mail " + index));
        });

        assertThat(failures).isEmpty();
        assertThat(waitedInVain).hasValue(0);
        assertThat(this.connections.idleConnections()).isEqualTo(2);
        assertThat(subjectsTo("alice")).containsExactly("mail 0", "mail 2", "mail 5");
        assertThat(subjectsTo("noa")).containsExactly("mail 1", "mail 3");
        assertThat(subjectsTo("piotr")).containsExactly("mail 4");
    }

    @Test
    void aMailThatFailsInABatchIsReportedByItsIndexAndStopsNoOther() {
        List<String> recipients = List.of("alice", "noa", "alice", "noa");

        Map<Integer, RuntimeException> failures = this.connections.sendAll(recipients, index -> {
            if (index == 2) {
                throw new IllegalStateException("cannot be written");
            }
            this.connections.send(mail(recipients.get(index), "mail " + index));
        });

        assertThat(failures).containsOnlyKeys(2);
        assertThat(failures.get(2)).hasMessage("cannot be written");
        assertThat(this.server.getReceivedMessages())
                .extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder("mail 0", "mail 1", "mail 3");
    }

    private List<String> subjectsTo(String person) throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : this.server.getReceivedMessages()) {
            if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(person + "@example.org")) {
                subjects.add(message.getSubject());
            }
        }
        return subjects;
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private MimeMessage mail(String subject) {
        return mail("alice", subject);
    }

    private MimeMessage mail(String to, String subject) {
        MimeMessage mime = this.connections.createMimeMessage();
        try {
            mime.setFrom("suggestions@example.org");
            mime.setRecipients(Message.RecipientType.TO, to + "@example.org");
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
