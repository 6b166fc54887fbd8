package org.suggestionbox.intake.limits;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.UUID;
import org.bson.Document;

/** One in-memory MongoDB-wire server per test JVM, on a free loopback port; each caller gets its own collection. */
public final class TestMongo {

    private static final MongoClient CLIENT;

    static {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        CLIENT = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    private TestMongo() {}

    public static MongoCollection<Document> freshCollection() {
        return CLIENT.getDatabase("unit-tests").getCollection("buckets-" + UUID.randomUUID());
    }
}
