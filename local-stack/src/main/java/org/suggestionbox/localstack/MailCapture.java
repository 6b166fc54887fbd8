package org.suggestionbox.localstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMTP server (GreenMail) that accepts every mail without authentication and keeps the newest
 * {@value #KEPT} (in memory, and as {@code .eml} files in the mail directory, written on stop), so the mail
 * viewer still shows what was sent before a restart. Older mail is forgotten, as Mailpit forgets all but its
 * newest 500: kept all, the mail of a few thousand ideas filled the launcher's heap, which the MongoDB-wire
 * server shares, and the stack could not start again from its data directory (issue #13).
 *
 * <p>Received mail goes to one inbox of the capture's own, as GreenMail read it off the wire, through
 * GreenMail's delivery handler: its per-user mailboxes, which this capture never served over IMAP or POP3,
 * copied every mail and parsed its whole MIME structure for IMAP's attributes, more than half the
 * capture's CPU at 200 mails a second (JFR, issue #13). Each recipient of a mail gets it once, as before.
 */
final class MailCapture implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MailCapture.class);

    /**
     * Jakarta Mail looks its stream provider up with a {@link java.util.ServiceLoader} scan of every jar on the
     * class path each time GreenMail parses a received message or part: the capture's largest cost after
     * GreenMail's own {@code DataCommand} (JFR, issue #13), and the launcher's class path is long. Named as a
     * system property it is made directly, as the notifier does for its side of the same library.
     */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    /** How many mails the capture keeps, earlier runs' included. */
    static final int KEPT = 1_000;

    private static final String FILE_NAME = "%08d.eml";

    private final int port;

    private final Path directory;

    private final Inbox inbox;

    private @Nullable GreenMail greenMail;

    MailCapture(int port, Path directory) {
        this(port, directory, KEPT);
    }

    /** A capture that keeps the newest {@code kept} mails. */
    MailCapture(int port, Path directory, int kept) {
        if (kept < 1) {
            throw new IllegalArgumentException("A capture keeps at least one mail, not " + kept);
        }
        this.port = port;
        this.directory = directory;
        this.inbox = new Inbox(kept);
    }

    void start() {
        if (FreePorts.inUse(this.port)) {
            throw new IllegalStateException("SMTP port " + this.port
                    + " is already in use; set SMTP_HOST/SMTP_PORT to use that server instead.");
        }
        loadEarlierMail();
        ServerSetup setup = new ServerSetup(this.port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail mail = new GreenMail(setup);
        mail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.getUserManager().setMessageDeliveryHandler((message, recipient) -> this.inbox);
        mail.start();
        this.greenMail = mail;
    }

    /**
     * A kept mail and the number it keeps while it is kept, across restarts (its file's name): the mail viewer
     * links by it, so a link still opens the same mail after older ones were forgotten.
     */
    record Mail(long number, MimeMessage message) {}

    /** The mail received since this start that the capture still keeps, oldest first, once per recipient. */
    List<MimeMessage> received() {
        if (this.greenMail == null) {
            throw new IllegalStateException("SMTP capture is not running");
        }
        return this.inbox.received().stream().map(Mail::message).toList();
    }

    /** Every mail the capture keeps, oldest first: earlier runs', then this one's. */
    List<Mail> kept() {
        return this.inbox.all();
    }

    private void loadEarlierMail() {
        List<Path> files = mailFiles();
        Session session = Session.getInstance(new Properties());
        List<Mail> earlier = new ArrayList<>();
        for (Path file : files.subList(Math.max(0, files.size() - this.inbox.kept), files.size())) {
            try (InputStream in = Files.newInputStream(file)) {
                earlier.add(new Mail(numberOf(file), new MimeMessage(session, in)));
            } catch (IOException | MessagingException ex) {
                LOG.warn("Skipping unreadable mail {}: {}", file, ex.getMessage());
            }
        }
        this.inbox.startWith(earlier, files.isEmpty() ? 0 : numberOf(files.getLast()) + 1);
    }

    /** Writes this run's kept mail after the earlier runs' files, then deletes all but the newest files kept. */
    private void saveNewMail() {
        List<Mail> received = this.inbox.received();
        try {
            if (!received.isEmpty()) {
                Files.createDirectories(this.directory);
            }
            for (Mail mail : received) {
                Path file = this.directory.resolve(FILE_NAME.formatted(mail.number()));
                try (OutputStream out = Files.newOutputStream(file)) {
                    mail.message().writeTo(out);
                }
            }
            List<Path> files = mailFiles();
            for (Path older : files.subList(0, Math.max(0, files.size() - this.inbox.kept))) {
                Files.delete(older);
            }
        } catch (IOException | MessagingException ex) {
            LOG.warn("Could not keep the mail of this run in {}: {}", this.directory, ex.getMessage());
        }
    }

    /** The mail directory's {@code .eml} files, oldest first. */
    private List<Path> mailFiles() {
        if (!Files.isDirectory(this.directory)) {
            return List.of();
        }
        List<Path> sorted = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(this.directory, "[0-9]*.eml")) {
            files.forEach(sorted::add);
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not read the mail in " + this.directory, ex);
        }
        sorted.sort(null);
        return sorted;
    }

    private static long numberOf(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - ".eml".length()));
    }

    @Override
    public void close() {
        GreenMail mail = this.greenMail;
        this.greenMail = null;
        if (mail != null) {
            mail.stop();
            saveNewMail();
            this.inbox.clear();
        }
    }

    /**
     * The capture's one mailbox: every recipient's mail, in the order it arrived, after the earlier runs'
     * mail; the oldest goes when a mail comes that would make more than {@code kept}.
     */
    private static final class Inbox implements GreenMailUser {

        private final int kept;

        private final Deque<Mail> earlier = new ArrayDeque<>();

        private final Deque<Mail> received = new ArrayDeque<>();

        /** The number the next mail gets. */
        private long next;

        Inbox(int kept) {
            this.kept = kept;
        }

        synchronized void startWith(List<Mail> earlierRuns, long next) {
            this.earlier.clear();
            this.earlier.addAll(earlierRuns);
            this.received.clear();
            this.next = next;
        }

        synchronized List<Mail> received() {
            return List.copyOf(this.received);
        }

        synchronized List<Mail> all() {
            List<Mail> all = new ArrayList<>(this.earlier);
            all.addAll(this.received);
            return all;
        }

        synchronized void clear() {
            this.earlier.clear();
            this.received.clear();
        }

        @Override
        public void deliver(MovingMessage message) {
            deliver(message.getMessage());
        }

        @Override
        public synchronized void deliver(MimeMessage message) {
            if (this.earlier.size() + this.received.size() == this.kept) {
                (this.earlier.isEmpty() ? this.received : this.earlier).removeFirst();
            }
            this.received.addLast(new Mail(this.next++, message));
        }

        @Override
        public String getEmail() {
            return "capture@localhost";
        }

        @Override
        public String getLogin() {
            return getEmail();
        }

        @Override
        public String getPassword() {
            return "";
        }

        @Override
        public void setPassword(String password) {
            throw new UnsupportedOperationException("The capture's inbox takes no sign-in");
        }

        @Override
        public void authenticate(String password) throws UserException {
            throw new UserException("The capture's inbox takes no sign-in");
        }

        @Override
        public String getQualifiedMailboxName() {
            return getEmail();
        }

        @Override
        public void create() {}

        @Override
        public void delete() {}
    }
}
