package org.suggestionbox.localstack;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the MongoDB-wire server was asked to do, per database, collection and command: how many commands and how
 * many documents they wrote (the inserted documents, update and delete statements). A benchmark reads the counts
 * before and after its load with the {@value #COMMAND} command and divides the difference by its ideas: the work
 * each idea costs the store, which no other process on a busy machine changes, unlike its CPU time.
 */
final class OperationCounts {

    /** The command that answers the counts so far: one document per database, collection and command. */
    static final String COMMAND = "suggestionboxOperations";

    private static final Map<String, String> WRITTEN =
            Map.of("insert", "documents", "update", "updates", "delete", "deletes");

    private final Map<Key, Counts> counts = new ConcurrentHashMap<>();

    private record Key(String database, String collection, String command) {}

    private static final Comparator<Key> BY_NAME =
            Comparator.comparing(Key::database).thenComparing(Key::collection).thenComparing(Key::command);

    private record Counts(LongAdder commands, LongAdder written) {

        Counts() {
            this(new LongAdder(), new LongAdder());
        }
    }

    /** Counts {@code command} of {@code database}, its collection named by the command's own field. */
    void count(String database, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        Object collection = query.get(command);
        Counts counted = counts.computeIfAbsent(
                new Key(database, collection instanceof String named ? named : "", name), key -> new Counts());
        counted.commands().increment();
        String documents = WRITTEN.get(name);
        if (documents != null && query.get(documents) instanceof List<?> written) {
            counted.written().add(written.size());
        } else if ("findandmodify".equals(name)) {
            counted.written().increment();
        }
    }

    /** The answer to {@value #COMMAND}: the counts so far, in name order. */
    Document snapshot() {
        List<Document> operations = counts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(BY_NAME))
                .map(entry -> new Document("database", entry.getKey().database())
                        .append("collection", entry.getKey().collection())
                        .append("command", entry.getKey().command())
                        .append("commands", entry.getValue().commands().sum())
                        .append("written", entry.getValue().written().sum()))
                .toList();
        return new Document("operations", operations).append("ok", 1.0);
    }
}
