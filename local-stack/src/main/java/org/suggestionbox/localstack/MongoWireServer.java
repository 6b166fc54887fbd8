package org.suggestionbox.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.jspecify.annotations.Nullable;

/**
 * A MongoDB-wire server (mongo-java-server) in the launcher's JVM whose data lives in one H2 MVStore
 * file, so ideas, queues and inboxes survive restarts. No transactions, no change streams, TTL never
 * expires: the services are built around that.
 */
final class MongoWireServer implements AutoCloseable {

    /** H2's own default. */
    static final int DEFAULT_CACHE_MEGABYTES = 16;

    private final Path file;

    private final int port;

    private final int cacheMegabytes;

    private @Nullable H2Backend backend;

    private @Nullable MongoServer server;

    MongoWireServer(Path file, int port, int cacheMegabytes) {
        this.file = file.toAbsolutePath();
        this.port = port;
        this.cacheMegabytes = cacheMegabytes;
    }

    void start() {
        try {
            Files.createDirectories(this.file.getParent());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        if (FreePorts.inUse(this.port)) {
            throw new IllegalStateException("MongoDB port " + this.port
                    + " is already in use; is a MongoDB running? Set MONGODB_URI to use it.");
        }
        H2Backend h2 = new MongoWireBackend(this.file.toString(), this.cacheMegabytes);
        MongoServer mongo = new MongoServer(h2);
        mongo.bind("127.0.0.1", this.port);
        this.backend = h2;
        this.server = mongo;
    }

    boolean isRunning() {
        return this.server != null;
    }

    String uri() {
        return "mongodb://127.0.0.1:" + this.port;
    }

    /**
     * Stops listening, writes everything to the file and closes it, then drops the client connections;
     * {@link #start()} may serve the same file again.
     */
    @Override
    public void close() {
        MongoServer mongo = this.server;
        H2Backend h2 = this.backend;
        this.server = null;
        this.backend = null;
        if (mongo != null) {
            mongo.stopListening();
        }
        if (h2 != null) {
            h2.commit();
            h2.close();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }
}
