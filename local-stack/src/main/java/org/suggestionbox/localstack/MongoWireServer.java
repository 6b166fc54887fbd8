package org.suggestionbox.localstack;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
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

    private final @Nullable Path file;

    private final @Nullable MVStore memory;

    private final int port;

    private final int cacheMegabytes;

    private @Nullable MongoServer server;

    MongoWireServer(Path file, int port, int cacheMegabytes) {
        this(file.toAbsolutePath(), null, port, cacheMegabytes);
    }

    private MongoWireServer(@Nullable Path file, @Nullable MVStore memory, int port, int cacheMegabytes) {
        this.file = file;
        this.memory = memory;
        this.port = port;
        this.cacheMegabytes = cacheMegabytes;
    }

    /** A server whose data lives in the launcher's heap, kept from one {@link #start()} to the next. */
    static MongoWireServer inMemory(int port) {
        return new MongoWireServer(null, new MVStore.Builder().open(), port, DEFAULT_CACHE_MEGABYTES);
    }

    @Override
    public void start() {
        if (FreePorts.inUse(this.port)) {
            throw new IllegalStateException("MongoDB port " + this.port
                    + " is already in use; is a MongoDB running? Set MONGODB_URI to use it.");
        }
        MongoServer mongo = new MongoServer(backend());
        mongo.bind("127.0.0.1", this.port);
        this.server = mongo;
    }

    private MongoWireBackend backend() {
        if (this.memory != null) {
            return new MongoWireBackend(this.memory, false);
        }
        Path store = Objects.requireNonNull(this.file, "a server has a file or a store in memory");
        try {
            Files.createDirectories(store.getParent());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new MongoWireBackend(store.toString(), this.cacheMegabytes);
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
