package org.suggestionbox.localstack;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A unique index (the {@code _id} index among them) kept in a hash map in memory, as mongo-java-server's
 * memory backend keeps its own. The H2 backend keeps the keys in an MVMap whose comparator, for a key type
 * H2 does not know, serializes both keys with Java serialization at every step of its binary search: in a
 * JFR of the notifier-kill fault scenario that was 42 % of the MongoDB-wire server's CPU samples, on every
 * insert (the {@code _id} check) and every lookup by a unique key (issue #15). The checks themselves are the
 * library's ({@link AbstractUniqueIndex}), so what counts as a duplicate does not change.
 *
 * <p>Nothing is written to the data file: the library fills an empty index from the documents when it
 * opens the collection, as it does a {@link SecondaryIndex}.
 */
final class UniqueIndex extends AbstractUniqueIndex<Object> {

    private final Map<KeyValue, Object> positions = new ConcurrentHashMap<>();

    UniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    /**
     * Whether an update left the document's keys as they were. The library builds both documents' key values to
     * tell, for every unique index at every update: 7 % of the MongoDB-wire server's samples at 200 ideas/s (JFR,
     * issue #13). When every key is a top-level field holding a string or a UUID in both documents, comparing those
     * decides the same; anything else is the library's.
     */
    @Override
    protected boolean nullAwareEqualsKeys(Document oldDocument, Document newDocument) {
        boolean same = true;
        for (IndexKey key : getKeys()) {
            Object before = oldDocument.get(key.getKey());
            Object after = newDocument.get(key.getKey());
            if (key.getKey().contains(".") || !plain(before) || !plain(after)) {
                return super.nullAwareEqualsKeys(oldDocument, newDocument);
            }
            same &= Objects.equals(before, after);
        }
        return same;
    }

    private static boolean plain(@Nullable Object value) {
        return value instanceof String || value instanceof UUID;
    }

    @Override
    protected @Nullable Object removeDocument(KeyValue key) {
        return this.positions.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return this.positions.putIfAbsent(key, position) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return this.positions.entrySet();
    }

    @Override
    protected @Nullable Object getPosition(KeyValue key) {
        return this.positions.get(key);
    }

    @Override
    public long getCount() {
        return this.positions.size();
    }

    @Override
    public boolean isEmpty() {
        return this.positions.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
