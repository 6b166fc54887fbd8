package org.suggestionbox.localstack;

import com.icegreen.greenmail.util.GreenMail;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local infrastructure a stack starts where no external one is named: the MongoDB-wire server, the
 * SMTP capture with its mail viewer, and the Kafka broker (a child process).
 */
final class Infrastructure {

    private static final Logger LOG = LoggerFactory.getLogger(Infrastructure.class);

    private final StackSettings settings;

    private final StartupTimings timings;

    private @Nullable KafkaBroker kafka;

    private @Nullable MongoWireServer mongo;

    private @Nullable MailCapture mail;

    private @Nullable MailViewer mailViewer;

    Infrastructure(StackSettings settings, StartupTimings timings) {
        this.settings = settings;
        this.timings = timings;
    }

    void start() {
        Ports ports = this.settings.ports();
        if (this.settings.ownMongo()) {
            this.timings.time("mongo", () -> {
                MongoWireServer server = new MongoWireServer(
                        this.settings.dataDir().resolve("mongo.mv"),
                        ports.mongo(),
                        this.settings.mongoCacheMegabytes());
                this.mongo = server;
                server.start();
            });
        }
        if (this.settings.ownSmtp()) {
            this.timings.time("smtp", () -> {
                MailCapture capture =
                        new MailCapture(ports.smtp(), this.settings.dataDir().resolve("mail"));
                this.mail = capture;
                capture.start();
                MailViewer viewer = new MailViewer(ports.mailViewer(), capture::allMessages);
                this.mailViewer = viewer;
                viewer.start();
            });
        }
        if (this.settings.ownKafka()) {
            this.timings.time("kafka", () -> {
                KafkaBroker broker = new KafkaBroker(
                        this.settings.dataDir().resolve("kafka"),
                        ports.kafka(),
                        ports.kafkaController(),
                        this.settings.kafkaClasspath(),
                        this.settings.logFile("kafka"));
                this.kafka = broker;
                LOG.info("Starting Kafka broker on {} (log: {})", broker.bootstrapServers(), broker.logFile());
                broker.start();
            });
        }
    }

    /** The broker this stack runs, running or stopped; empty where Kafka is external or not started. */
    Optional<KafkaBroker> kafka() {
        return Optional.ofNullable(this.kafka);
    }

    /** The MongoDB-wire server this stack runs, serving or stopped. */
    Optional<MongoWireServer> mongo() {
        return Optional.ofNullable(this.mongo);
    }

    Optional<GreenMail> greenMail() {
        MailCapture capture = this.mail;
        return capture == null ? Optional.empty() : Optional.of(capture.greenMail());
    }

    Optional<String> mailViewerUrl() {
        MailViewer viewer = this.mailViewer;
        return viewer == null ? Optional.empty() : Optional.of(viewer.url());
    }

    /** The Kafka broker's process id while it runs (the other parts run in the launcher's JVM). */
    Map<String, Long> processIds() {
        Map<String, Long> pids = new LinkedHashMap<>();
        KafkaBroker broker = this.kafka;
        if (broker != null && broker.isRunning()) {
            pids.put("kafka", broker.pid());
        }
        return pids;
    }

    /** Stops Kafka, the MongoDB-wire server, the SMTP capture and the mail viewer; a failure is logged. */
    void close() {
        KafkaBroker broker = this.kafka;
        this.kafka = null;
        if (broker != null) {
            LOG.info("Stopping Kafka");
            quietly("Kafka", broker);
        }
        MongoWireServer server = this.mongo;
        this.mongo = null;
        if (server != null) {
            quietly("MongoDB-wire server", server);
        }
        MailCapture capture = this.mail;
        this.mail = null;
        if (capture != null) {
            quietly("SMTP capture", capture);
        }
        MailViewer viewer = this.mailViewer;
        this.mailViewer = null;
        if (viewer != null) {
            quietly("mail viewer", viewer);
        }
    }

    private static void quietly(String what, AutoCloseable part) {
        try {
            part.close();
        } catch (Exception ex) {
            LOG.warn("Stopping the {} failed", what, ex);
        }
    }
}
