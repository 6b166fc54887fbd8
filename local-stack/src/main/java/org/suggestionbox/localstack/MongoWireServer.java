package org.suggestionbox.localstack;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A MongoDB-wire server (mongo-java-server) in the launcher's JVM whose data lives in one H2 MVStore
 * file, so ideas, queues and inboxes survive restarts. No transactions, no change streams, TTL never
 * expires: the services are built around that.
 */
final class MongoWireServer implements RestartableServer {

    /** H2's own default. */
    static final int DEFAULT_CACHE_MEGABYTES = 16;

    private final Path file;

    private final int port;

    private final int cacheMegabytes;

    private @Nullable MongoServer server;

    MongoWireServer(Path file, int port, int cacheMegabytes) {
        this.file = file.toAbsolutePath();
        this.port = port;
        this.cacheMegabytes = cacheMegabytes;
    }

    @Override
    public void start() {
        try {
            Files.createDirectories(this.file.getParent());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        if (FreePorts.inUse(this.port)) {
            throw new IllegalStateException("MongoDB port " + this.port
                    + " is already in use; is a MongoDB running? Set MONGODB_URI to use it.");
        }
        MongoServer mongo = new MongoServer(new MongoWireBackend(this.file.toString(), this.cacheMegabytes));
        mongo.bind("127.0.0.1", this.port);
        this.server = mongo;
    }

    @Override
    public boolean isRunning() {
        return this.server != null;
    }

    String uri() {
        return "mongodb://127.0.0.1:" + this.port;
    }

    @Override
    public String address() {
        return uri();
    }

    /**
     * Stops listening, drops the client connections and waits until no request is being handled, then
     * writes everything to the file and closes it; {@link #start()} may serve the same file again. In that
     * order, like a MongoDB shutting down cleanly: every write it acknowledged is in the file, and none is
     * half done (a request handled while the file closed could otherwise be answered yet not stored).
     */
    @Override
    public void close() {
        MongoServer mongo = this.server;
        this.server = null;
        if (mongo != null) {
            // closes the clients, lets the worker threads finish the requests they are in, then closes the backend
            mongo.shutdownNow();
        }
    }
}
