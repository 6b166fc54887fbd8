package org.suggestionbox.notifier.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.suggestionbox.notifier.config.NotifierProperties;

/**
 * SMTP connections kept open between mails, at most {@code suggestionbox.notifier.smtp-connections}
 * idle at a time. {@link JavaMailSenderImpl} opens a connection per mail: greeting, EHLO (and STARTTLS
 * and AUTH against a real relay) before every message. Measured against GreenMail on loopback that is
 * 45 ms per mail, against 1 ms over an open connection, and it capped the notifier at a few ideas per
 * second (issue #6).
 * <p>
 * A connection idle for longer than {@link #TRUSTED_FOR} is checked with {@code NOOP} before it is used, so one
 * the server closed while idle is replaced. One used within that time is used at once, and when sending over it
 * fails, the mail is tried once more over a new connection: the check is a round trip, and made before every mail
 * it was a quarter of the time the notifier's listener spent waiting for SMTP at 200 ideas/s (JFR, issue #13). A
 * connection that fails while sending is closed, never reused, and the failure goes to the caller (the delivery
 * ledger retries the delivery).
 * <p>
 * {@link #sendAll} sends a batch's mails over as many connections at once: one after another over one connection,
 * the listener waited for the server's every reply, and at 200 ideas/s it fell behind while the processors were
 * not busy.
 */
@Component
class SmtpConnections implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpConnections.class);

    /** How long after its last mail a connection is used without asking the server whether it is still open. */
    static final Duration TRUSTED_FOR = Duration.ofSeconds(1);

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

    /** Open connections, the most recently used first. */
    private final BlockingDeque<Idle> idle = new LinkedBlockingDeque<>();

    private final int maxConnections;

    private final long trustedForNanos;

    /** Sends all lanes of a batch but the caller's own; platform threads, as Jakarta Mail sends in synchronized code. */
    private final ExecutorService lanes;

    /** A connection and when its last mail went. */
    private record Idle(Transport transport, long sinceNanos) {}

    /** A connection to send over, and whether it was checked (or opened) just now. */
    private record Lease(Transport transport, boolean checked) {}

    @Autowired
    SmtpConnections(JavaMailSenderImpl mailSender, NotifierProperties properties) {
        this(mailSender, properties, TRUSTED_FOR);
    }

    SmtpConnections(JavaMailSenderImpl mailSender, NotifierProperties properties, Duration trustedFor) {
        this.mailSender = mailSender;
        this.maxConnections = Math.max(1, properties.smtpConnections());
        this.trustedForNanos = trustedFor.toNanos();
        this.lanes = Executors.newFixedThreadPool(
                Math.max(1, this.maxConnections - 1),
                Thread.ofPlatform().name("smtp-lane-", 1).daemon().factory());
    }

    /** A message to fill and {@link #send}, in the mail session of these connections. */
    MimeMessage createMimeMessage() {
        return this.mailSender.createMimeMessage();
    }

    void send(MimeMessage mime) {
        Transport transport = null;
        try {
            mime.saveChanges();
            Lease lease = lease();
            transport = lease.transport();
            try {
                transport.sendMessage(mime, mime.getAllRecipients());
            } catch (MessagingException | RuntimeException ex) {
                if (lease.checked()) {
                    throw ex;
                }
                // not checked: the server may have closed it since its last mail
                LOG.debug(
                        "Sending over a reused SMTP connection failed; once more over a new one: {}", ex.getMessage());
                close(transport);
                transport = open();
                transport.sendMessage(mime, mime.getAllRecipients());
            }
        } catch (MessagingException ex) {
            close(transport);
            throw new MailSendException("Sending the mail over SMTP failed: " + ex.getMessage(), ex);
        } catch (RuntimeException ex) {
            close(transport);
            throw ex;
        }
        this.idle.offerFirst(new Idle(transport, System.nanoTime()));
        if (this.idle.size() > this.maxConnections) {
            close(this.idle.pollLast().transport());
        }
    }

    /**
     * Sends {@code keys.size()} mails, the {@code i}-th by {@code send.accept(i)}, over up to {@code
     * smtp-connections} connections at once; the mails with the same key (a recipient) go one after another over
     * the same connection, in their order. A mail that fails does not stop the others.
     *
     * @param keys each mail's key, in the order of the mails
     * @return what each mail that failed failed with, by its index
     */
    Map<Integer, RuntimeException> sendAll(List<String> keys, IntConsumer send) {
        Map<String, List<Integer>> mailsByKey = new LinkedHashMap<>();
        for (int index = 0; index < keys.size(); index++) {
            mailsByKey
                    .computeIfAbsent(keys.get(index), key -> new ArrayList<>())
                    .add(index);
        }
        List<List<Integer>> mailsByLane = new ArrayList<>();
        int lane = 0;
        for (List<Integer> mails : mailsByKey.values()) {
            if (mailsByLane.size() == lane) {
                mailsByLane.add(new ArrayList<>());
            }
            mailsByLane.get(lane).addAll(mails);
            lane = (lane + 1) % this.maxConnections;
        }
        Map<Integer, RuntimeException> failures = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> others = mailsByLane.stream()
                .skip(1)
                .map(mails -> CompletableFuture.runAsync(() -> sendLane(mails, send, failures), this.lanes))
                .toList();
        if (!mailsByLane.isEmpty()) {
            sendLane(mailsByLane.get(0), send, failures);
        }
        others.forEach(CompletableFuture::join);
        return new HashMap<>(failures);
    }

    private static void sendLane(List<Integer> mails, IntConsumer send, Map<Integer, RuntimeException> failures) {
        for (int index : mails) {
            try {
                send.accept(index);
            } catch (RuntimeException ex) {
                failures.put(index, ex);
            }
        }
    }

    /** The most recently used open connection, checked first when it has been idle for a while, or a new one. */
    private Lease lease() throws MessagingException {
        for (Idle candidate = this.idle.pollFirst(); candidate != null; candidate = this.idle.pollFirst()) {
            if (System.nanoTime() - candidate.sinceNanos() < this.trustedForNanos) {
                return new Lease(candidate.transport(), false);
            }
            if (candidate.transport().isConnected()) {
                return new Lease(candidate.transport(), true);
            }
            close(candidate.transport());
        }
        return new Lease(open(), true);
    }

    private Transport open() throws MessagingException {
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
        Idle first = this.idle.peekFirst();
        return first == null ? null : first.transport();
    }

    @Override
    public void close() {
        this.lanes.shutdownNow();
        for (Idle open = this.idle.pollFirst(); open != null; open = this.idle.pollFirst()) {
            close(open.transport());
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
