package org.suggestionbox.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.suggestionbox.localstack.LocalStack;

/**
 * What the local stack's MongoDB-wire server was asked to do, per database, collection and command: commands, and
 * the documents they wrote (inserted documents, update and delete statements), as the server counts them (its
 * {@link LocalStack#OPERATION_COUNTS_COMMAND} command). Read before and after a load, the difference per idea is the work each idea costs the
 * store, a figure no other process on a busy machine changes.
 *
 * @param counts per {@code database.collection command}: commands and documents written
 */
record StoreOperations(Map<String, Counts> counts) {

    private static final Logger LOG = LoggerFactory.getLogger(StoreOperations.class);

    /** Commands and the documents they wrote. */
    record Counts(long commands, long written) {

        Counts minus(Counts before) {
            return new Counts(commands - before.commands, written - before.written);
        }
    }

    /** The server's counts so far; null, with a warning, when it cannot answer them (not the local stack's server). */
    static @Nullable StoreOperations read(String mongoUri) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            Document answer =
                    client.getDatabase("admin").runCommand(new Document(LocalStack.OPERATION_COUNTS_COMMAND, 1));
            Map<String, Counts> counts = new TreeMap<>();
            for (Document operation : answer.getList("operations", Document.class, List.of())) {
                counts.put(
                        operation.getString("database") + "." + operation.getString("collection") + " "
                                + operation.getString("command"),
                        new Counts(
                                operation.get("commands", Number.class).longValue(),
                                operation.get("written", Number.class).longValue()));
            }
            return new StoreOperations(counts);
        } catch (RuntimeException ex) {
            LOG.warn("The MongoDB-wire server's operation counts cannot be read: {}", ex.getMessage());
            return null;
        }
    }

    /** {@link #perIdea} of what was done between two reads; empty when either failed. */
    static Map<String, String> perIdea(@Nullable StoreOperations before, @Nullable StoreOperations after, long ideas) {
        return before == null || after == null ? Map.of() : after.perIdea(before, ideas);
    }

    /**
     * Per operation sent, or writing a document, at least once per hundred ideas since {@code before} (most
     * documents written first): its commands and documents written per idea; and all of them together under
     * {@code all}.
     */
    Map<String, String> perIdea(StoreOperations before, long ideas) {
        Map<String, Counts> since = new LinkedHashMap<>();
        long commands = 0;
        long written = 0;
        for (Map.Entry<String, Counts> entry : counts.entrySet()) {
            Counts done = entry.getValue().minus(before.counts.getOrDefault(entry.getKey(), new Counts(0, 0)));
            commands += done.commands();
            written += done.written();
            if (Math.max(done.commands(), done.written()) * 100 >= Math.max(1, ideas)) {
                since.put(entry.getKey(), done);
            }
        }
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("all", line(new Counts(commands, written), ideas));
        Comparator<Map.Entry<String, Counts>> mostWritten = Comparator.comparing(
                Map.Entry::getValue, Comparator.comparingLong(Counts::written).thenComparingLong(Counts::commands));
        since.entrySet().stream()
                .sorted(mostWritten.reversed())
                .forEach(entry -> lines.put(entry.getKey(), line(entry.getValue(), ideas)));
        return lines;
    }

    private static String line(Counts counts, long ideas) {
        return String.format(
                Locale.ROOT,
                "%.2f commands, %.2f documents written per idea (%d, %d)",
                counts.commands() / (double) Math.max(1, ideas),
                counts.written() / (double) Math.max(1, ideas),
                counts.commands(),
                counts.written());
    }
}
