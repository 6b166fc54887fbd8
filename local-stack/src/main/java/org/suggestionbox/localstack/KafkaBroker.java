package org.suggestionbox.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, single-node Apache Kafka broker in KRaft mode (broker and controller in one process), run as
 * a child JVM from the Kafka server jars on the launcher's own classpath. Its storage lives in
 * {@code <directory>/data} and is formatted only once, so topics and records survive restarts.
 */
final class KafkaBroker implements RestartableServer {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path directory;

    private final int port;

    private final int controllerPort;

    private final String classpath;

    private final Path logFile;

    private @Nullable Process process;

    KafkaBroker(Path directory, int port, int controllerPort, String classpath, Path logFile) {
        this.directory = directory.toAbsolutePath();
        this.logFile = logFile.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.classpath = classpath;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + this.port;
    }

    @Override
    public String address() {
        return bootstrapServers();
    }

    Path logFile() {
        return this.logFile;
    }

    /** Formats the storage on first use, starts the broker and waits until it answers. */
    @Override
    public void start() {
        try {
            Files.createDirectories(this.directory);
            Files.createDirectories(this.logFile.getParent());
            Path serverProperties = writeServerProperties();
            Path log4j = writeLog4jConfiguration();
            if (!Files.exists(dataDirectory().resolve("meta.properties"))) {
                format(serverProperties, log4j);
            }
            if (FreePorts.inUse(this.port) || FreePorts.inUse(this.controllerPort)) {
                throw new IllegalStateException("Kafka ports " + this.port + "/" + this.controllerPort
                        + " are already in use; is another broker running? Set KAFKA_BOOTSTRAP_SERVERS to use it.");
            }
            ProcessBuilder builder =
                    new ProcessBuilder(javaCommand(log4j, "-Xmx512m", "kafka.Kafka", serverProperties.toString()));
            builder.redirectErrorStream(true);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
            this.process = builder.start();
            awaitReady(this.process);
        } catch (IOException ex) {
            throw new UncheckedIOException("Kafka broker could not be started", ex);
        }
    }

    private Path dataDirectory() {
        return this.directory.resolve("data");
    }

    private Path writeServerProperties() throws IOException {
        Properties properties = new Properties();
        properties.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.bootstrap.servers", "127.0.0.1:" + this.controllerPort),
                Map.entry(
                        "listeners",
                        "PLAINTEXT://127.0.0.1:" + this.port + ",CONTROLLER://127.0.0.1:" + this.controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + this.port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", dataDirectory().toString()),
                Map.entry("num.partitions", "3"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "10"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "true")));
        Path file = this.directory.resolve("server.properties");
        try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "Written by the local stack on every start");
        }
        return file;
    }

    private Path writeLog4jConfiguration() throws IOException {
        Path file = this.directory.resolve("log4j2.xml");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <Configuration status="warn">
                  <Appenders>
                    <Console name="stdout" target="SYSTEM_OUT">
                      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
                    </Console>
                  </Appenders>
                  <Loggers>
                    <Logger name="kafka" level="INFO"/>
                    <Logger name="org.apache.kafka" level="INFO"/>
                    <Logger name="kafka.tools" level="WARN"/>
                    <Logger name="state.change.logger" level="WARN"/>
                    <Root level="WARN"><AppenderRef ref="stdout"/></Root>
                  </Loggers>
                </Configuration>
                """, StandardCharsets.UTF_8);
        return file;
    }

    private void format(Path serverProperties, Path log4j) throws IOException {
        String clusterId = Uuid.randomUuid().toString();
        LOG.info("Formatting Kafka storage in {} (cluster id {})", dataDirectory(), clusterId);
        ProcessBuilder builder = new ProcessBuilder(javaCommand(
                log4j,
                "-Xmx256m",
                "kafka.tools.StorageTool",
                "format",
                "--standalone",
                "-t",
                clusterId,
                "-c",
                serverProperties.toString()));
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
        Process format = builder.start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS)) {
                format.destroyForcibly();
                throw new IllegalStateException("Formatting the Kafka storage took longer than 60 s");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            format.destroyForcibly();
            throw new IllegalStateException("Interrupted while formatting the Kafka storage", ex);
        }
        if (format.exitValue() != 0) {
            throw new IllegalStateException(
                    "Formatting the Kafka storage failed:%n%s".formatted(ProcessLogs.excerpt(logFile(), 30)));
        }
    }

    private List<String> javaCommand(Path log4j, String heap, String mainClass, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                JavaCommand.current(),
                heap,
                "-XX:+UseSerialGC",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4j.toUri(),
                "-Dkafka.logs.dir=" + this.directory,
                "-cp",
                this.classpath,
                mainClass));
        command.addAll(List.of(arguments));
        return command;
    }

    private void awaitReady(Process broker) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                3000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
                500);
        while (!FreePorts.inUse(this.port) && broker.isAlive() && System.nanoTime() < deadline) {
            Pause.pause(Duration.ofMillis(200));
        }
        try (Admin admin = Admin.create(config)) {
            while (true) {
                if (!broker.isAlive()) {
                    throw new IllegalStateException("Kafka broker exited with status %d:%n%s"
                            .formatted(broker.exitValue(), ProcessLogs.excerpt(logFile(), 30)));
                }
                try {
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
                            .nodes()
                            .get(4, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka", ex);
                } catch (Exception ex) {
                    // not up yet
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka broker did not answer within %d s:%n%s"
                            .formatted(START_TIMEOUT.toSeconds(), ProcessLogs.excerpt(logFile(), 30)));
                }
                Pause.pause(Duration.ofMillis(250));
            }
        }
    }

    /** Asks the broker to shut down cleanly (SIGTERM) and waits; forces it after 30 s. */
    @Override
    public void close() {
        Process broker = this.process;
        this.process = null;
        if (broker == null) {
            return;
        }
        ChildProcesses.stop(broker, Duration.ofSeconds(30));
    }

    @Override
    public boolean isRunning() {
        Process broker = this.process;
        return broker != null && broker.isAlive();
    }

    long pid() {
        Process broker = this.process;
        return broker == null ? -1 : broker.pid();
    }
}
