package org.suggestionbox.localstack;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;

/**
 * mongo-java-server's H2 backend (data in one MVStore file) with two differences from the library that
 * bring it closer to a real MongoDB:
 * <ul>
 * <li>{@code hello}, the handshake command Spring Boot's health indicator sends, gets the answer of its
 * legacy predecessor {@code isMaster}, which is all mongo-java-server 1.47 knows; without it the services'
 * health would stay DOWN.
 * <li>A unique index (the {@code _id} index among them) serves every query with equality conditions on
 * all of its fields, not only a query with exactly those fields. The library scans the whole collection
 * for {@code {_id: 7, version: 3}} (an optimistic-locking update) or for
 * {@code {$and: [{sourceEventId: …}, {recipientRef: …}, {channel: …}]}} (as the Java driver writes
 * {@code Filters.and}), so every such write got slower as data grew: 16 ms at 20,000 documents, 9 ms
 * with the collection cached, against under 1 ms through the index (measured for issue #6). MongoDB
 * looks the candidates up in the index and filters them with the rest of the query; so does this backend.
 * </ul>
 * Candidates found this way are matched against the whole query by the library's own code, the same
 * that runs when the library itself chooses the index, so results do not change, only the time.
 */
final class MongoWireBackend extends H2Backend {

    MongoWireBackend(String fileName) {
        super(fileName);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if ("hello".equalsIgnoreCase(command)) {
            return super.handleCommand(channel, database, "isMaster", query);
        }
        return super.handleCommand(channel, database, command, query);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /** Opens its collections as {@link IndexedCollection}s, in the maps the library's own would use. */
    private final class Database extends H2Database {

        Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
            super(databaseName, store, cursorRegistry);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore store = getMvStore();
            MVMap<Object, Document> data = store.openMap("databases." + namespace);
            MVMap<String, Object> meta = store.openMap("meta." + namespace);
            return new IndexedCollection(this, collectionName, options, data, meta, this.cursorRegistry);
        }
    }

    static final class IndexedCollection extends H2Collection {

        private final AtomicLong fullScans = new AtomicLong();

        IndexedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
            super(database, collectionName, options, data, meta, cursorRegistry);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document fieldSelector) {
            Document equalities = equalities(query);
            for (Index<Object> index : getIndexes()) {
                Document lookup = lookup(index, equalities);
                if (lookup != null && index.canHandle(lookup)) {
                    return matchDocuments(query, index.getPositions(lookup), orderBy, numberToSkip, limit, batchSize,
                            fieldSelector);
                }
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document fieldSelector) {
            this.fullScans.incrementAndGet();
            return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        /** How many queries read the whole collection since it was opened. */
        long fullScans() {
            return this.fullScans.get();
        }

        /** The unique index's fields with their values, when the query names every one of them. */
        private static @Nullable Document lookup(Index<Object> index, Document equalities) {
            if (!index.isUnique()) {
                return null;
            }
            Document lookup = new Document();
            for (IndexKey key : index.getKeys()) {
                Object value = equalities.get(key.getKey());
                if (value == null) {
                    return null;
                }
                lookup.put(key.getKey(), value);
            }
            return lookup;
        }

        /**
         * The conditions {@code field: value} of a query, at its top level and inside a top-level
         * {@code $and}; values that are operators, regular expressions, arrays or null are left out
         * (their matching rules differ from an index lookup).
         */
        static Document equalities(Document query) {
            Document equalities = new Document();
            for (Map.Entry<String, Object> condition : query.entrySet()) {
                if ("$and".equals(condition.getKey()) && condition.getValue() instanceof List<?> parts) {
                    for (Object part : parts) {
                        if (part instanceof Document nested) {
                            equalities(nested).forEach(equalities::putIfAbsent);
                        }
                    }
                }
                else if (isPlainValue(condition.getKey(), condition.getValue())) {
                    equalities.putIfAbsent(condition.getKey(), condition.getValue());
                }
            }
            return equalities;
        }

        private static boolean isPlainValue(String field, @Nullable Object value) {
            if (field.startsWith("$") || value == null || value instanceof List<?>
                    || BsonRegularExpression.isRegularExpression(value)) {
                return false;
            }
            return !(value instanceof Document document
                    && document.keySet().stream().anyMatch(key -> key.startsWith("$")));
        }
    }
}
