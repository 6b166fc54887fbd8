package org.suggestionbox.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A non-unique index, which mongo-java-server 1.47 accepts but does not build ("not yet implemented"), so
 * every query on {@code ownerId} or {@code state} read the whole collection. It keeps, in memory, the
 * positions of the documents per value of the index's <em>leading</em> field (one entry per array element,
 * as MongoDB's multikey indexes do; a sparse index leaves out documents without the field). The further
 * fields of a compound index are not indexed: candidates are filtered by the whole query afterwards, as
 * they are for the library's own unique indexes. Nothing is written to the data file; the library rebuilds
 * the index from the documents when it opens the collection.
 * <p>
 * Positions are the H2 backend's: the document's {@code _id}. Thread safety: every method locks the index.
 */
final class SecondaryIndex extends Index<Object> {

    /**
     * A query condition this index can answer: equality with one of {@code values} (normalized, never
     * null), or, for {@code null} values, presence of the field in a sparse index.
     */
    record Lookup(SecondaryIndex index, @Nullable Set<Object> values) {

        static Lookup anyValue(SecondaryIndex index) {
            return new Lookup(index, null);
        }

        long size() {
            return this.index.size(this.values);
        }

        List<Object> positions() {
            return this.index.positions(this.values);
        }

        boolean contains(Object position) {
            return this.index.contains(position, this.values);
        }
    }

    private final String field;

    private final Map<Object, Set<Object>> positionsByValue = new HashMap<>();

    /** The values each position is filed under: one value, or a {@link Set} of them for an array. */
    private final Map<Object, Object> valuesByPosition = new HashMap<>();

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.field = keys.getFirst().getKey();
    }

    /** The field whose values this index files positions under. */
    String field() {
        return this.field;
    }

    boolean isSparseIndex() {
        return isSparse();
    }

    /** Normalized as the library compares values: numbers as doubles, so {@code 1} finds {@code 1.0}. */
    static @Nullable Object normalized(@Nullable Object value) {
        return new KeyValue(Collections.singletonList(value)).normalized().get(0);
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        file(position, valuesOf(document));
    }

    @Override
    public synchronized @Nullable Object remove(Document document) {
        Object position = positionOf(document);
        return unfile(position) || !isSparse() ? position : null;
    }

    /** Refiles the position only when the leading field's values changed, compared with what is filed. */
    @Override
    public synchronized void updateInPlace(
            Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {
        Set<Object> values = valuesOf(newDocument);
        Object filed = this.valuesByPosition.get(position);
        if (!(filed == null ? values.isEmpty() : asSet(filed).equals(values))) {
            unfile(position);
            file(position, values);
        }
    }

    private void file(Object position, Set<Object> values) {
        if (values.isEmpty()) {
            return;
        }
        for (Object value : values) {
            this.positionsByValue
                    .computeIfAbsent(value, any -> new LinkedHashSet<>())
                    .add(position);
        }
        this.valuesByPosition.put(
                position, values.size() == 1 ? values.iterator().next() : values);
    }

    /** Whether the position was filed. */
    private boolean unfile(Object position) {
        Object values = this.valuesByPosition.remove(position);
        if (values == null) {
            return false;
        }
        for (Object value : asSet(values)) {
            Set<Object> positions = this.positionsByValue.get(value);
            if (positions != null) {
                positions.remove(position);
                if (positions.isEmpty()) {
                    this.positionsByValue.remove(value);
                }
            }
        }
        return true;
    }

    synchronized long size(@Nullable Set<Object> values) {
        if (values == null) {
            return this.valuesByPosition.size();
        }
        long size = 0;
        for (Object value : values) {
            size += this.positionsByValue.getOrDefault(value, Set.of()).size();
        }
        return size;
    }

    synchronized List<Object> positions(@Nullable Set<Object> values) {
        if (values == null) {
            return new ArrayList<>(this.valuesByPosition.keySet());
        }
        Set<Object> positions = new LinkedHashSet<>();
        for (Object value : values) {
            positions.addAll(this.positionsByValue.getOrDefault(value, Set.of()));
        }
        return new ArrayList<>(positions);
    }

    synchronized boolean contains(Object position, @Nullable Set<Object> values) {
        Object filed = this.valuesByPosition.get(position);
        if (filed == null || values == null) {
            return filed != null;
        }
        for (Object value : asSet(filed)) {
            if (values.contains(value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The normalized values of the leading field, {@link Missing} standing for null and absent; empty for a
     * sparse index and a document without the field.
     */
    private Set<Object> valuesOf(Document document) {
        Object value = Utils.getSubdocumentValueCollectionAware(document, this.field);
        Set<Object> values = new LinkedHashSet<>();
        if (value instanceof Collection<?> elements) {
            for (Object element : elements) {
                if (!(element instanceof Missing)) {
                    values.add(Missing.ofNullable(normalized(element)));
                }
            }
            if (elements.isEmpty() && !isSparse()) {
                values.add(Missing.getInstance());
            }
        } else if (!(value instanceof Missing) || !isSparse()) {
            values.add(Missing.ofNullable(normalized(value)));
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static Set<Object> asSet(Object values) {
        return values instanceof Set<?> set ? (Set<Object>) set : Set.of(values);
    }

    private static Object positionOf(Document document) {
        return Missing.ofNullable(Utils.getSubdocumentValue(document, "_id"));
    }

    @Override
    public @Nullable Object getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: every document may be added
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: every change may be made
    }

    /** Chosen by {@code IndexedCollection} itself, never by the library's own query planning. */
    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("Looked up through Lookup");
    }

    @Override
    public synchronized long getCount() {
        return this.valuesByPosition.size();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public synchronized void drop() {
        this.positionsByValue.clear();
        this.valuesByPosition.clear();
    }
}
