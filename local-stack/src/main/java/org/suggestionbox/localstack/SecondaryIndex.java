package org.suggestionbox.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A non-unique index, which mongo-java-server 1.47 accepts but does not build ("not yet implemented"), so
 * every query on {@code ownerId} or {@code state} read the whole collection. It keeps, in memory and in order, the
 * positions of the documents by the values of <em>all</em> its fields, as MongoDB's B-tree does (one entry per array
 * element, as MongoDB's multikey indexes do; a sparse index leaves out documents without its leading field). A
 * {@link Lookup} reads the entries with given values of the first fields and, on the next field, values in a range:
 * {@code {state: "SENT", published: false, updatedAt: {$lt: …}}} reads only those entries of the index
 * {@code (state, published, updatedAt)}. Read in order, a lookup serves a sort on that next field, so a query with a
 * limit stops after as many matches. Candidates are filtered by the whole query afterwards, as they are for the
 * library's own unique indexes, so a lookup may return more than matches, never fewer. Nothing is written to the
 * data file; the library rebuilds the index from the documents when it opens the collection.
 * <p>
 * Positions are the H2 backend's: the document's {@code _id}. Thread safety: every method locks the index.
 */
final class SecondaryIndex extends Index<Object> {

    /** Lookups with more combinations of values than this read the collection instead. */
    private static final int MAX_COMBINATIONS = 1_000;

    /** Below and above every value: the open ends of a range, and of the fields after it. */
    private enum Bound {
        LOWEST,
        HIGHEST
    }

    private static final Comparator<Object> VALUES = ValueComparator.ascWithoutListHandling();

    /** Keys in the order of their fields' values, field by field, as a compound index orders them. */
    private static final Comparator<List<Object>> KEYS = (left, right) -> {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int compared = compareValues(left.get(i), right.get(i));
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(left.size(), right.size());
    };

    /**
     * Values at or between two ends, each a value or an open end; both ends are included (a superset of what
     * {@code $lt} asks, filtered afterwards).
     */
    record Range(Object from, Object to) {

        static final Range ANY = new Range(Bound.LOWEST, Bound.HIGHEST);

        static Range from(Object value) {
            return new Range(value, Bound.HIGHEST);
        }

        static Range to(Object value) {
            return new Range(Bound.LOWEST, value);
        }

        boolean contains(Object value) {
            return compareValues(this.from, value) <= 0 && compareValues(value, this.to) <= 0;
        }
    }

    /**
     * A query condition this index can answer: its first fields equal to one of the given values each
     * ({@code prefix}, normalized, never null), and its next field, if any, in {@code range}; a lookup with no
     * prefix has a range on the leading field.
     */
    record Lookup(
            SecondaryIndex index,
            List<Set<Object>> prefix,
            @Nullable Range range) {

        long size() {
            return this.index.size(this);
        }

        List<Object> positions() {
            return this.index.positions(this);
        }

        boolean contains(Object position) {
            return this.index.contains(position, this);
        }

        /**
         * Whether reading this lookup in key order reads its documents in the order of {@code field}: one combination
         * of prefix values, and {@code field} the index's field right after the prefix.
         */
        boolean ordersBy(String field) {
            int next = this.prefix.size();
            return next < this.index.fields.size()
                    && this.index.fields.get(next).equals(field)
                    && this.prefix.stream().allMatch(values -> values.size() == 1)
                    && (next > 0 || this.range != null);
        }

        /** Positions in the order of the index's keys, or the reverse, each once; for {@link #ordersBy} lookups. */
        Iterator<Object> inOrder(boolean descending) {
            return this.index.inOrder(this, descending);
        }
    }

    private final List<String> fields;

    /** The top-level field each of {@link #fields} is in: itself, or the first name of a path into subdocuments. */
    private final Set<String> topLevelFields;

    /**
     * The position filed under each key, or its {@link Positions} when there are several: most keys of an index that
     * ends in a timestamp hold one document, and a set per document would double the index's memory.
     */
    private final NavigableMap<List<Object>, Object> positionsByKey = new TreeMap<>(KEYS);

    /** Several positions under one key, in the order they were filed. */
    private static final class Positions extends LinkedHashSet<Object> {}

    /** The positions filed under a key: its {@link Positions}, or the one position filed there. */
    private static Collection<Object> positionsIn(Object filed) {
        return filed instanceof Positions several ? several : List.of(filed);
    }

    /** The keys each position is filed under: one key, or a {@link Set} of them for an array. */
    private final Map<Object, Object> keysByPosition = new HashMap<>();

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.fields = keys.stream().map(IndexKey::getKey).toList();
        this.topLevelFields = this.fields.stream()
                .map(field -> field.indexOf('.') < 0 ? field : field.substring(0, field.indexOf('.')))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The fields whose values this index files positions under, leading field first. */
    List<String> fields() {
        return this.fields;
    }

    boolean isSparseIndex() {
        return isSparse();
    }

    /** Normalized as the library compares values: numbers as doubles, so {@code 1} finds {@code 1.0}. */
    static @Nullable Object normalized(@Nullable Object value) {
        return new KeyValue(Collections.singletonList(value)).normalized().get(0);
    }

    static int compareValues(Object left, Object right) {
        if (left instanceof Bound leftBound) {
            return right instanceof Bound rightBound
                    ? leftBound.compareTo(rightBound)
                    : leftBound == Bound.LOWEST ? -1 : 1;
        }
        if (right instanceof Bound rightBound) {
            return rightBound == Bound.LOWEST ? 1 : -1;
        }
        // the types an index holds most, compared as the library does, without its search for the type's rank
        if (left.getClass() == right.getClass()) {
            switch (left) {
                case String text -> {
                    return text.compareTo((String) right);
                }
                case Double number -> {
                    return Double.compare(number, (Double) right);
                }
                case Instant instant -> {
                    return instant.compareTo((Instant) right);
                }
                case Boolean flag -> {
                    return Boolean.compare(flag, (Boolean) right);
                }
                default -> {
                    // the library's order for every other type
                }
            }
        }
        return VALUES.compare(left, right);
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        file(position, keysOf(document));
    }

    @Override
    public synchronized @Nullable Object remove(Document document) {
        Object position = positionOf(document);
        return unfile(position) || !isSparse() ? position : null;
    }

    /**
     * Refiles the position only when its keys changed, compared with what is filed. An update that leaves every
     * indexed field as it was (most of them: an outbox entry removed, a counter incremented) costs a comparison
     * of those fields, not the keys worked out again.
     */
    @Override
    public synchronized void updateInPlace(
            Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {
        if (sameIndexedValues(oldDocument, newDocument)) {
            return;
        }
        Set<List<Object>> keys = keysOf(newDocument);
        Object filed = this.keysByPosition.get(position);
        if (!(filed == null ? keys.isEmpty() : asSet(filed).equals(keys))) {
            unfile(position);
            file(position, keys);
        }
    }

    private void file(Object position, Set<List<Object>> keys) {
        if (keys.isEmpty()) {
            return;
        }
        for (List<Object> key : keys) {
            this.positionsByKey.merge(key, position, (filed, added) -> {
                if (filed instanceof Positions several) {
                    several.add(added);
                    return several;
                }
                if (filed.equals(added)) {
                    return filed;
                }
                Positions several = new Positions();
                several.add(filed);
                several.add(added);
                return several;
            });
        }
        this.keysByPosition.put(position, keys.size() == 1 ? keys.iterator().next() : keys);
    }

    /** Whether the position was filed. */
    private boolean unfile(Object position) {
        Object keys = this.keysByPosition.remove(position);
        if (keys == null) {
            return false;
        }
        for (List<Object> key : asSet(keys)) {
            Object filed = this.positionsByKey.get(key);
            if (filed instanceof Positions positions) {
                positions.remove(position);
                if (positions.isEmpty()) {
                    this.positionsByKey.remove(key);
                } else if (positions.size() == 1) {
                    this.positionsByKey.put(key, positions.iterator().next());
                }
            } else if (position.equals(filed)) {
                this.positionsByKey.remove(key);
            }
        }
        return true;
    }

    /** The stretches of keys the lookup reads, one per combination of its prefix values, in key order. */
    private List<NavigableMap<List<Object>, Object>> stretches(Lookup lookup) {
        List<List<Object>> combinations = combinations(lookup.prefix());
        combinations.sort(KEYS);
        Range range = lookup.range() == null ? Range.ANY : lookup.range();
        List<NavigableMap<List<Object>, Object>> stretches = new ArrayList<>(combinations.size());
        for (List<Object> combination : combinations) {
            List<Object> low = new ArrayList<>(combination);
            List<Object> high = new ArrayList<>(combination);
            if (low.size() < this.fields.size()) {
                low.add(range.from());
                high.add(range.to());
            }
            while (low.size() < this.fields.size()) {
                low.add(Bound.LOWEST);
                high.add(Bound.HIGHEST);
            }
            stretches.add(this.positionsByKey.subMap(low, true, high, true));
        }
        return stretches;
    }

    /** Every list taking one value of each set, in order: none when a set is empty. */
    private static List<List<Object>> combinations(List<Set<Object>> valuesPerField) {
        List<List<Object>> combinations = new ArrayList<>();
        combinations.add(List.of());
        for (Set<Object> values : valuesPerField) {
            List<List<Object>> longer = new ArrayList<>(combinations.size() * values.size());
            for (List<Object> combination : combinations) {
                for (Object value : values) {
                    List<Object> extended = new ArrayList<>(combination.size() + 1);
                    extended.addAll(combination);
                    extended.add(value);
                    longer.add(extended);
                }
            }
            combinations = longer;
        }
        return combinations;
    }

    /** Whether the lookup's combinations of prefix values are few enough to read them one by one. */
    static boolean readable(List<Set<Object>> prefix) {
        long combinations = 1;
        for (Set<Object> values : prefix) {
            combinations *= values.size();
            if (combinations > MAX_COMBINATIONS) {
                return false;
            }
        }
        return true;
    }

    synchronized long size(Lookup lookup) {
        long size = 0;
        for (NavigableMap<List<Object>, Object> stretch : stretches(lookup)) {
            for (Object filed : stretch.values()) {
                size += filed instanceof Positions positions ? positions.size() : 1;
            }
        }
        return size;
    }

    synchronized List<Object> positions(Lookup lookup) {
        Set<Object> positions = new LinkedHashSet<>();
        for (NavigableMap<List<Object>, Object> stretch : stretches(lookup)) {
            for (Object filed : stretch.values()) {
                positions.addAll(positionsIn(filed));
            }
        }
        return new ArrayList<>(positions);
    }

    /**
     * Read lazily: the caller holds the collection's lock, under which every change to the index is made, for as long
     * as it reads.
     */
    synchronized Iterator<Object> inOrder(Lookup lookup, boolean descending) {
        NavigableMap<List<Object>, Object> stretch = stretches(lookup).getFirst();
        Iterator<Object> keys =
                (descending ? stretch.descendingMap() : stretch).values().iterator();
        Set<Object> seen = new HashSet<>();
        return new Iterator<>() {

            private Iterator<Object> positions = Collections.emptyIterator();

            private @Nullable Object next;

            @Override
            public boolean hasNext() {
                while (this.next == null) {
                    while (!this.positions.hasNext()) {
                        if (!keys.hasNext()) {
                            return false;
                        }
                        this.positions = positionsIn(keys.next()).iterator();
                    }
                    Object position = this.positions.next();
                    if (seen.add(position)) {
                        this.next = position;
                    }
                }
                return true;
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object position = Objects.requireNonNull(this.next);
                this.next = null;
                return position;
            }
        };
    }

    synchronized boolean contains(Object position, Lookup lookup) {
        Object filed = this.keysByPosition.get(position);
        if (filed == null) {
            return false;
        }
        for (List<Object> key : asSet(filed)) {
            if (matches(key, lookup)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(List<Object> key, Lookup lookup) {
        List<Set<Object>> prefix = lookup.prefix();
        for (int i = 0; i < prefix.size(); i++) {
            Object value = key.get(i);
            if (prefix.get(i).stream().noneMatch(wanted -> compareValues(wanted, value) == 0)) {
                return false;
            }
        }
        return lookup.range() == null
                || prefix.size() >= key.size()
                || lookup.range().contains(key.get(prefix.size()));
    }

    /**
     * The keys of the document: every combination of its fields' normalized values, {@link Missing} standing for
     * null and absent; none for a sparse index and a document without the leading field.
     */
    private Set<List<Object>> keysOf(Document document) {
        List<Set<Object>> valuesPerField = new ArrayList<>(this.fields.size());
        for (int i = 0; i < this.fields.size(); i++) {
            Set<Object> values = valuesOf(document, this.fields.get(i), i == 0 && isSparse());
            if (values.isEmpty()) {
                return Set.of();
            }
            valuesPerField.add(values);
        }
        List<List<Object>> keys = combinations(valuesPerField);
        Set<List<Object>> distinct = new LinkedHashSet<>();
        keys.forEach(key -> distinct.add(List.copyOf(key)));
        return distinct;
    }

    /**
     * Whether the top-level fields the index reads (all of each, for a path into subdocuments) hold equal values in
     * both documents, so that their keys are the same.
     */
    private boolean sameIndexedValues(Document before, Document after) {
        for (String field : this.topLevelFields) {
            if (!Objects.equals(before.getOrMissing(field), after.getOrMissing(field))) {
                return false;
            }
        }
        return true;
    }

    /** The normalized values of a field; empty when {@code sparse} and the document lacks it. */
    private static Set<Object> valuesOf(Document document, String field, boolean sparse) {
        // a top-level field read directly: the library's path lookup splits the name with a regular expression
        Object value = field.indexOf('.') < 0
                ? document.getOrMissing(field)
                : Utils.getSubdocumentValueCollectionAware(document, field);
        Set<Object> values = new LinkedHashSet<>();
        if (value instanceof Collection<?> elements) {
            for (Object element : elements) {
                if (!(element instanceof Missing)) {
                    values.add(Missing.ofNullable(normalized(element)));
                }
            }
            if (elements.isEmpty() && !sparse) {
                values.add(Missing.getInstance());
            }
        } else if (!(value instanceof Missing) || !sparse) {
            values.add(Missing.ofNullable(normalized(value)));
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static Set<List<Object>> asSet(Object keys) {
        return keys instanceof Set<?> set ? (Set<List<Object>>) set : Set.of((List<Object>) keys);
    }

    private static Object positionOf(Document document) {
        return Missing.ofNullable(document.get("_id"));
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
        return this.keysByPosition.size();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public synchronized void drop() {
        this.positionsByKey.clear();
        this.keysByPosition.clear();
    }
}
