package org.suggestionbox.localstack;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
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
        stop("Kafka broker", this.infrastructure.kafka().orElse(null));
    }

    /** Starts the stopped broker again on the same ports and data, and waits until it answers. */
    void startKafka() {
        long started = System.nanoTime();
        start("Kafka broker", this.infrastructure.kafka().orElse(null));
        this.timings.record("kafka restart", started);
    }

    /** Stops the MongoDB-wire server: it stops listening, drops every client connection and closes its file. */
    void stopMongo() {
        stop("MongoDB-wire server", this.infrastructure.mongo().orElse(null));
    }

    /** Serves the same file on the same port again. */
    void startMongo() {
        start("MongoDB-wire server", this.infrastructure.mongo().orElse(null));
    }

    private static void stop(String name, @Nullable RestartableServer server) {
        if (server == null || !server.isRunning()) {
            throw new IllegalStateException("This stack runs no " + name + " of its own, or it is stopped");
        }
        LOG.info("Stopping the {} on {}", name, server.address());
        server.close();
    }

    private static void start(String name, @Nullable RestartableServer server) {
        if (server == null) {
            throw new IllegalStateException("This stack runs no " + name + " of its own");
        }
        if (server.isRunning()) {
            throw new IllegalStateException("The " + name + " is running; stop it first");
        }
        long started = System.nanoTime();
        server.start();
        LOG.info(
                "The {} is up again on {} after {} ms",
                name,
                server.address(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
