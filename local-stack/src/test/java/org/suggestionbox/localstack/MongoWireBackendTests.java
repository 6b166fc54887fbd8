package org.suggestionbox.localstack;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A real MongoDB driver against the local stack's MongoDB-wire backend, on a file in a temp folder. */
class MongoWireBackendTests {

    @TempDir
    Path dataDir;

    private MongoWireBackend backend;

    private MongoServer server;

    private MongoClient client;

    private MongoCollection<Document> ideas;

    @BeforeEach
    void setUp() {
        this.backend = new MongoWireBackend(this.dataDir.resolve("mongo.mv").toString());
        this.server = new MongoServer(this.backend);
        InetSocketAddress address = this.server.bind();
        this.client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        this.ideas = this.client.getDatabase("router").getCollection("ideas");
        for (int i = 0; i < 50; i++) {
            this.ideas.insertOne(new Document("_id", "idea-" + i).append("version", i % 3).append("ownerId", "owner-" + i % 5)
                    .append("tags", List.of("t" + i % 2)));
        }
    }

    @AfterEach
    void tearDown() {
        this.client.close();
        this.server.shutdownNow();
    }

    @Test
    void anIdWithFurtherConditionsIsLookedUpInTheIdIndex() {
        long scans = fullScans();

        assertThat(this.ideas.find(new Document("_id", "idea-7").append("version", 1)).first()).isNotNull();
        assertThat(this.ideas.find(new Document("_id", "idea-7").append("version", 2)).first()).isNull();
        assertThat(this.ideas.find(Filters.and(Filters.eq("_id", "idea-8"), Filters.ne("ownerId", "owner-1"))).first())
                .isNotNull();
        assertThat(this.ideas.replaceOne(new Document("_id", "idea-9").append("version", 0),
                new Document("ownerId", "owner-9").append("version", 1)).getModifiedCount()).isOne();
        assertThat(this.ideas.updateOne(new Document("_id", "idea-9").append("version", 0), Updates.set("x", 1))
                .getModifiedCount()).as("the stale version no longer matches").isZero();

        assertThat(fullScans()).isEqualTo(scans);
    }

    @Test
    void aCompoundUniqueIndexServesAnAndOfItsFields() {
        MongoCollection<Document> ledger = this.client.getDatabase("notifier").getCollection("ledger");
        ledger.createIndex(Indexes.ascending("event", "recipient", "channel"), new IndexOptions().unique(true));
        for (int i = 0; i < 20; i++) {
            ledger.insertOne(new Document("event", "e" + i).append("recipient", "r" + i % 4).append("channel", "EMAIL")
                    .append("state", "CLAIMED"));
        }
        long scans = fullScans("notifier", "ledger");

        Bson key = Filters.and(Filters.eq("event", "e6"), Filters.eq("recipient", "r2"), Filters.eq("channel", "EMAIL"));
        assertThat(ledger.findOneAndUpdate(Filters.and(key, Filters.ne("state", "SENT")), Updates.set("state", "SENT")))
                .isNotNull();
        assertThat(ledger.findOneAndUpdate(Filters.and(key, Filters.ne("state", "SENT")), Updates.set("state", "SENT")))
                .as("sent already").isNull();
        assertThat(ledger.find(key).first()).containsEntry("state", "SENT");

        assertThat(fullScans("notifier", "ledger")).isEqualTo(scans);
    }

    @Test
    void conditionsNoUniqueIndexCoversStillReadTheWholeCollectionWithTheSameResults() {
        long scans = fullScans();

        assertThat(this.ideas.countDocuments(Filters.eq("ownerId", "owner-2"))).isEqualTo(10);
        assertThat(this.ideas.countDocuments(Filters.in("_id", "idea-1", "idea-2", "nope"))).isEqualTo(2);
        assertThat(this.ideas.countDocuments(Filters.and(Filters.regex("_id", Pattern.compile("^idea-1")),
                Filters.eq("version", 1)))).as("idea-1, -10, -13, -16, -19").isEqualTo(5);
        assertThat(this.ideas.countDocuments(Filters.eq("tags", "t1"))).as("array element match").isEqualTo(25);

        assertThat(fullScans()).isGreaterThanOrEqualTo(scans + 4);
    }

    private long fullScans() {
        return fullScans("router", "ideas");
    }

    private long fullScans(String database, String collection) {
        var mongoDatabase = this.backend.resolveDatabase(database);
        return ((MongoWireBackend.IndexedCollection) mongoDatabase.resolveCollection(collection, true)).fullScans();
    }
}
