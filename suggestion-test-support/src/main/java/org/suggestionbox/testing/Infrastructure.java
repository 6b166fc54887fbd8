package org.suggestionbox.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The real servers tests run against, started once per JVM and stopped when it exits.
 */
public final class Infrastructure {

    public static final String MODE_PROPERTY = "suggestionbox.test.infrastructure";
    public static final String MODE_ENV = "SUGGESTIONBOX_TEST_INFRASTRUCTURE";

    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String MONGO_IMAGE = "mongo:8.0";

    private static final Logger LOG = LoggerFactory.getLogger(Infrastructure.class);
    private static volatile @Nullable Infrastructure instance;

    /** How Kafka and MongoDB were provided. */
    public enum Mode {
        /** Docker images through Testcontainers. */
        CONTAINERS,
        /** A real Apache Kafka broker (KRaft) and mongo-java-server inside the test JVM. */
        IN_PROCESS
    }

    private final Mode mode;
    private final String kafkaBootstrapServers;
    private final String mongoUri;
    private final GreenMail greenMail;
    private final Runnable stopper;

    private Infrastructure(
            Mode mode, String kafkaBootstrapServers, String mongoUri, GreenMail greenMail, Runnable stopper) {
        this.mode = mode;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.mongoUri = mongoUri;
        this.greenMail = greenMail;
        this.stopper = stopper;
    }

    /** The shared infrastructure, started on first use. */
    public static Infrastructure get() {
        Infrastructure current = instance;
        if (current == null) {
            synchronized (Infrastructure.class) {
                current = instance;
                if (current == null) {
                    current = start(chooseMode());
                    instance = current;
                    Runtime.getRuntime().addShutdownHook(new Thread(current::stop, "infrastructure-stop"));
                }
            }
        }
        return current;
    }

    static Mode chooseMode() {
        String requested = System.getProperty(MODE_PROPERTY, System.getenv().getOrDefault(MODE_ENV, "auto"))
                .trim()
                .toLowerCase(Locale.ROOT);
        return switch (requested) {
            case "containers", "testcontainers", "docker" -> Mode.CONTAINERS;
            case "in-process", "inprocess", "embedded" -> Mode.IN_PROCESS;
            case "auto", "" -> dockerAvailable() ? Mode.CONTAINERS : Mode.IN_PROCESS;
            default ->
                throw new IllegalArgumentException(
                        MODE_PROPERTY + " must be auto, containers or in-process, not " + requested);
        };
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException ex) {
            return false;
        }
    }

    private static Infrastructure start(Mode mode) {
        long started = System.nanoTime();
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        Infrastructure infrastructure = switch (mode) {
            case CONTAINERS -> startContainers(greenMail);
            case IN_PROCESS -> startInProcess(greenMail);
        };
        String banner = String.format(
                "[infrastructure] mode=%s kafka=%s mongodb=%s smtp=127.0.0.1:%d (started in %d ms)",
                mode,
                infrastructure.kafkaBootstrapServers,
                infrastructure.mongoUri,
                infrastructure.smtpPort(),
                (System.nanoTime() - started) / 1_000_000);
        System.out.println(banner);
        LOG.info(banner);
        return infrastructure;
    }

    private static Infrastructure startContainers(GreenMail greenMail) {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
        kafka.start();
        mongo.start();
        return new Infrastructure(
                Mode.CONTAINERS, kafka.getBootstrapServers(), mongo.getConnectionString(), greenMail, () -> {
                    kafka.stop();
                    mongo.stop();
                });
    }

    private static Infrastructure startInProcess(GreenMail greenMail) {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0"));
        kafka.afterPropertiesSet();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        String mongoUri = "mongodb://127.0.0.1:" + address.getPort();
        return new Infrastructure(Mode.IN_PROCESS, kafka.getBrokersAsString(), mongoUri, greenMail, () -> {
            kafka.destroy();
            mongo.shutdownNow();
        });
    }

    private void stop() {
        greenMail.stop();
        stopper.run();
    }

    public Mode mode() {
        return mode;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** A MongoDB connection string without a database; each service names its own. */
    public String mongoUri() {
        return mongoUri;
    }

    /** The shared SMTP server; tests tell their mails apart by recipient or subject. */
    public GreenMail greenMail() {
        return greenMail;
    }

    public String smtpHost() {
        return "127.0.0.1";
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    /** The Spring properties that point an application at this infrastructure. */
    public Map<String, Object> springProperties() {
        return Map.of(
                "spring.kafka.bootstrap-servers",
                kafkaBootstrapServers,
                "spring.mongodb.uri",
                mongoUri,
                "spring.mail.host",
                smtpHost(),
                "spring.mail.port",
                smtpPort());
    }
}
