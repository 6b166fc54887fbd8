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
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMTP server (GreenMail) that accepts every mail without authentication. Mail received in earlier
 * runs is kept as {@code .eml} files in the mail directory (written on stop), so the mail viewer still
 * shows what was sent before a restart.
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

    private final int port;

    private final Path directory;

    private final List<MimeMessage> earlier = new ArrayList<>();

    private final Inbox inbox = new Inbox();

    private @Nullable GreenMail greenMail;

    MailCapture(int port, Path directory) {
        this.port = port;
        this.directory = directory;
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

    /** The mail received since this start, oldest first, once per recipient. */
    List<MimeMessage> received() {
        if (this.greenMail == null) {
            throw new IllegalStateException("SMTP capture is not running");
        }
        return this.inbox.messages();
    }

    /** Every captured mail, oldest first: earlier runs, then this one. */
    MimeMessage[] allMessages() {
        List<MimeMessage> all = new ArrayList<>(this.earlier);
        all.addAll(received());
        return all.toArray(MimeMessage[]::new);
    }

    private void loadEarlierMail() {
        this.earlier.clear();
        if (!Files.isDirectory(this.directory)) {
            return;
        }
        Session session = Session.getInstance(new Properties());
        try (DirectoryStream<Path> files = Files.newDirectoryStream(this.directory, "*.eml")) {
            List<Path> sorted = new ArrayList<>();
            files.forEach(sorted::add);
            sorted.sort(null);
            for (Path file : sorted) {
                try (InputStream in = Files.newInputStream(file)) {
                    this.earlier.add(new MimeMessage(session, in));
                } catch (IOException | MessagingException ex) {
                    LOG.warn("Skipping unreadable mail {}: {}", file, ex.getMessage());
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not read the mail in " + this.directory, ex);
        }
    }

    private void saveNewMail() {
        List<MimeMessage> received = this.inbox.messages();
        if (received.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(this.directory);
            for (int i = 0; i < received.size(); i++) {
                Path file = this.directory.resolve("%08d.eml".formatted(this.earlier.size() + i));
                try (OutputStream out = Files.newOutputStream(file)) {
                    received.get(i).writeTo(out);
                }
            }
        } catch (IOException | MessagingException ex) {
            LOG.warn("Could not keep the mail of this run in {}: {}", this.directory, ex.getMessage());
        }
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

    /** The capture's one mailbox: every recipient's mail, in the order it arrived. */
    private static final class Inbox implements GreenMailUser {

        private final List<MimeMessage> messages = new ArrayList<>();

        synchronized List<MimeMessage> messages() {
            return List.copyOf(this.messages);
        }

        synchronized void clear() {
            this.messages.clear();
        }

        @Override
        public void deliver(MovingMessage message) {
            deliver(message.getMessage());
        }

        @Override
        public synchronized void deliver(MimeMessage message) {
            this.messages.add(message);
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
