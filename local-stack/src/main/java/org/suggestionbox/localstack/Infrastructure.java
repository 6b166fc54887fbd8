package org.suggestionbox.localstack;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local infrastructure a stack starts where no external one is named: the MongoDB-wire server, the
 * SMTP capture with its mail viewer (in the launcher's JVM, or each in its own child JVM when the settings
 * ask for {@linkplain StackSettings#standInProcesses stand-in processes}), and the Kafka broker (a child process).
 */
final class Infrastructure {

    private static final Logger LOG = LoggerFactory.getLogger(Infrastructure.class);

    private final StackSettings settings;

    private final StartupTimings timings;

    private @Nullable KafkaBroker kafka;

    private @Nullable RestartableServer mongo;

    private @Nullable MailCapture mail;

    private @Nullable StandInProcess smtpProcess;

    private @Nullable MailViewer mailViewer;

    Infrastructure(StackSettings settings, StartupTimings timings) {
        this.settings = settings;
        this.timings = timings;
    }

    void start() {
        Ports ports = this.settings.ports();
        if (this.settings.ownMongo()) {
            this.timings.time("mongo", () -> {
                Path file = this.settings.dataDir().resolve("mongo.mv");
                boolean inMemory = this.settings.mongoInMemory();
                int cache = this.settings.mongoCacheMegabytes();
                RestartableServer server = this.settings.standInProcesses()
                        ? new StandInProcess(
                                "mongo",
                                ports.mongo(),
                                this.settings.mongoUri(),
                                this.settings.mongoHeapMegabytes(),
                                this.settings.kafkaClasspath(),
                                List.of(
                                        "mongo",
                                        inMemory ? StandIns.IN_MEMORY : file.toString(),
                                        Integer.toString(ports.mongo()),
                                        Integer.toString(cache)),
                                this.settings.logFile("mongo"))
                        : inMemory
                                ? MongoWireServer.inMemory(ports.mongo())
                                : new MongoWireServer(file, ports.mongo(), cache);
                this.mongo = server;
                server.start();
            });
        }
        if (this.settings.ownSmtp()) {
            this.timings.time("smtp", () -> {
                if (this.settings.standInProcesses()) {
                    StandInProcess process = new StandInProcess(
                            "smtp",
                            ports.smtp(),
                            "smtp://127.0.0.1:" + ports.smtp(),
                            this.settings.smtpHeapMegabytes(),
                            this.settings.kafkaClasspath(),
                            List.of(
                                    "smtp",
                                    Integer.toString(ports.smtp()),
                                    this.settings.dataDir().resolve("mail").toString(),
                                    Integer.toString(ports.mailViewer())),
                            this.settings.logFile("smtp"));
                    this.smtpProcess = process;
                    process.start();
                    return;
                }
                MailCapture capture =
                        new MailCapture(ports.smtp(), this.settings.dataDir().resolve("mail"));
                this.mail = capture;
                capture.start();
                MailViewer viewer = new MailViewer(ports.mailViewer(), capture::kept);
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

    /** The MongoDB-wire server's heap unless the stack is told otherwise: twice its page cache, and room for the rest. */
    static int heapMegabytesFor(int cacheMegabytes) {
        return 2 * cacheMegabytes + 256;
    }

    /** The broker this stack runs, running or stopped; empty where Kafka is external or not started. */
    Optional<KafkaBroker> kafka() {
        return Optional.ofNullable(this.kafka);
    }

    /** The MongoDB-wire server this stack runs, serving or stopped. */
    Optional<RestartableServer> mongo() {
        return Optional.ofNullable(this.mongo);
    }

    Optional<List<MimeMessage>> receivedMail() {
        MailCapture capture = this.mail;
        return capture == null ? Optional.empty() : Optional.of(capture.received());
    }

    Optional<String> mailViewerUrl() {
        MailViewer viewer = this.mailViewer;
        if (viewer != null) {
            return Optional.of(viewer.url());
        }
        return this.smtpProcess == null
                ? Optional.empty()
                : Optional.of(StackSettings.localUrl(this.settings.ports().mailViewer()));
    }

    /**
     * Process ids of the parts that run in their own JVM while they run: the Kafka broker, and the stand-ins
     * when the stack runs them as processes ({@code mongo}, {@code smtp}); the others run in the launcher's JVM.
     */
    Map<String, Long> processIds() {
        Map<String, Long> pids = new LinkedHashMap<>();
        KafkaBroker broker = this.kafka;
        if (broker != null && broker.isRunning()) {
            pids.put("kafka", broker.pid());
        }
        if (this.mongo instanceof StandInProcess process && process.isRunning()) {
            pids.put(process.name(), process.pid());
        }
        StandInProcess smtp = this.smtpProcess;
        if (smtp != null && smtp.isRunning()) {
            pids.put(smtp.name(), smtp.pid());
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
        RestartableServer server = this.mongo;
        this.mongo = null;
        if (server != null) {
            quietly("MongoDB-wire server", server);
        }
        StandInProcess smtp = this.smtpProcess;
        this.smtpProcess = null;
        if (smtp != null) {
            quietly("SMTP capture", smtp);
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
