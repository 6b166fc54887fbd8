package org.suggestionbox.localstack;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faults a local stack can inject into itself: a service JVM that crashes (SIGKILL) and is started
 * again, and a Kafka broker or MongoDB-wire server that goes away and comes back on the same port and data.
 */
final class FaultInjection {

    private static final Logger LOG = LoggerFactory.getLogger(FaultInjection.class);

    private final Infrastructure infrastructure;

    private final Services services;

    private final StartupTimings timings;

    FaultInjection(Infrastructure infrastructure, Services services, StartupTimings timings) {
        this.infrastructure = infrastructure;
        this.services = services;
        this.timings = timings;
    }

    /** Kills an instance's JVM with SIGKILL (no shutdown hooks, no graceful close) and waits until it is gone. */
    void kill(String module, int instance) {
        ServiceProcess service = this.services.instance(module, instance);
        LOG.info("Killing {} (pid {}) with SIGKILL", service.label(), service.pid());
        service.kill(Duration.ofSeconds(10));
    }

    /** Starts a killed instance again, same port, environment and log, and waits until it is healthy. */
    void restart(String module, int instance) {
        ServiceProcess service = this.services.instance(module, instance);
        if (!service.hasExited()) {
            throw new IllegalStateException(service.label() + " is still running; kill it first");
        }
        long started = System.nanoTime();
        LOG.info("Restarting {} on port {}", service.label(), service.port());
        service.start();
        this.services.awaitHealthy(List.of(service), started, " restart");
    }

    /** Stops the broker cleanly (SIGTERM) and waits until it is gone; its data stays. */
    void stopKafka() {
        KafkaBroker broker = this.infrastructure.kafka().filter(KafkaBroker::isRunning).orElseThrow(
                () -> new IllegalStateException("This stack runs no Kafka broker of its own, or it is stopped"));
        LOG.info("Stopping Kafka (pid {})", broker.pid());
        broker.close();
    }

    /** Starts the stopped broker again on the same ports and data, and waits until it answers. */
    void startKafka() {
        KafkaBroker broker = this.infrastructure.kafka()
                .orElseThrow(() -> new IllegalStateException("This stack runs no Kafka broker of its own"));
        if (broker.isRunning()) {
            throw new IllegalStateException("Kafka is running; stop it first");
        }
        long started = System.nanoTime();
        broker.start();
        this.timings.record("kafka restart", started);
        LOG.info("Kafka is up again after {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** Stops the MongoDB-wire server: it stops listening, drops every client connection and closes its file. */
    void stopMongo() {
        MongoWireServer server = this.infrastructure.mongo().filter(MongoWireServer::isRunning).orElseThrow(
                () -> new IllegalStateException("This stack runs no MongoDB-wire server of its own, or it is stopped"));
        LOG.info("Stopping the MongoDB-wire server on {}", server.uri());
        server.close();
    }

    /** Serves the same file on the same port again. */
    void startMongo() {
        MongoWireServer server = this.infrastructure.mongo()
                .orElseThrow(() -> new IllegalStateException("This stack runs no MongoDB-wire server of its own"));
        if (server.isRunning()) {
            throw new IllegalStateException("The MongoDB-wire server is running; stop it first");
        }
        server.start();
        LOG.info("The MongoDB-wire server is up again on {}", server.uri());
    }
}
