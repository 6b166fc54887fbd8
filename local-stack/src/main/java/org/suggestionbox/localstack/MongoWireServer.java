package org.suggestionbox.localstack;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;

/**
 * A MongoDB-wire server (mongo-java-server) in the launcher's JVM whose data lives in one H2 MVStore
 * file, so ideas, queues and inboxes survive restarts. No transactions, no change streams, TTL never
 * expires: the services are built around that.
 *
 * <p>{@linkplain #inMemory In memory} the store is kept in the launcher's heap instead: it outlives a
 * {@link #close()} and serves the next {@link #start()}, so a stop is still an outage the services see (the
 * port closed, every connection dropped) and the data is still there afterwards, but nothing survives the
 * launcher. H2 writes a file store's pages with Java serialization, a third of the server's CPU under load
 * (issue #13); the test stacks, which start fresh every time, keep their data in memory.
 */
final class MongoWireServer implements RestartableServer {

    /** H2's own default. */
    static final int DEFAULT_CACHE_MEGABYTES = 16;

    /** Opens the backend each {@link #start()} serves: over the file, or over the one store in memory. */
    private final Supplier<MongoWireBackend> backends;

    private final int port;

    private @Nullable MongoServer server;

    MongoWireServer(Path file, int port, int cacheMegabytes) {
        this(() -> fileBackend(file.toAbsolutePath(), cacheMegabytes), port);
    }

    private MongoWireServer(Supplier<MongoWireBackend> backends, int port) {
        this.backends = backends;
        this.port = port;
    }

    /** A server whose data lives in the launcher's heap, kept from one {@link #start()} to the next. */
    static MongoWireServer inMemory(int port) {
        MVStore memory = new MVStore.Builder().open();
        return new MongoWireServer(() -> new MongoWireBackend(memory, false), port);
    }

    private static MongoWireBackend fileBackend(Path file, int cacheMegabytes) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new MongoWireBackend(file.toString(), cacheMegabytes);
    }

    @Override
    public void start() {
        if (FreePorts.inUse(this.port)) {
            throw new IllegalStateException("MongoDB port " + this.port
                    + " is already in use; is a MongoDB running? Set MONGODB_URI to use it.");
        }
        MongoServer mongo = new MongoServer(this.backends.get());
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
     * writes everything to the file and closes it; {@link #start()} may serve the same file (or the same store
     * in memory) again. In that order, like a MongoDB shutting down cleanly: every write it acknowledged is in
     * the file, and none is half done (a request handled while the file closed could otherwise be answered yet
     * not stored).
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
