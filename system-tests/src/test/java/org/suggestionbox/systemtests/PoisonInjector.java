package org.suggestionbox.systemtests;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;

/**
 * Writes poison to every partition of every topic the services consume, in the middle of a run: bad JSON,
 * valid JSON of an event type nobody knows, and an oversize record close to the broker's
 * {@code max.message.bytes} (1 MiB by default). Ideas submitted after it travel the same partitions, so a
 * clean checker proves the partitions kept flowing; {@link #missingDeadLetters()} proves each poison record
 * reached {@code <topic>.DLT} on the same partition with its original bytes and the cause in the headers
 * spring-kafka's {@code DeadLetterPublishingRecoverer} sets.
 */
final class PoisonInjector implements Fault {

    /** Consumed topics: ideas.submitted.v1 by the router, ideas.lifecycle.v1 by the notifier, notifications.delivered.v1 by the router. */
    static final List<String> TOPICS =
            List.of("ideas.submitted.v1", "ideas.lifecycle.v1", "notifications.delivered.v1");

    static final int PARTITIONS = 3;

    /** Below the default max.message.bytes (1,048,588) by enough for the dead-letter headers. */
    static final int OVERSIZE_BYTES = 1_000_000;

    record Poison(String kind, String topic, int partition, long offset, String key, byte[] value) {

        @Override
        public String toString() {
            return "%s %s-%d@%d (%d bytes)"
                    .formatted(this.kind, this.topic, this.partition, this.offset, this.value.length);
        }
    }

    private final KafkaTopics kafka;

    private final String run;

    private final Duration after;

    private final List<Poison> injected = new ArrayList<>();

    private final FaultLog log = new FaultLog();

    PoisonInjector(KafkaTopics kafka, String run, Duration after) {
        this.kafka = kafka;
        this.run = run;
        this.after = after;
    }

    @Override
    public void run() {
        // the moment the poison arrives, not a wait for a condition
        LockSupport.parkNanos(this.after.toNanos());
        long started = System.nanoTime();
        for (String topic : TOPICS) {
            for (int partition = 0; partition < PARTITIONS; partition++) {
                for (Map.Entry<String, byte[]> poison :
                        poisons(topic, partition).entrySet()) {
                    String key = "%s-%s-%d".formatted(this.run, poison.getKey(), partition);
                    RecordMetadata written = this.kafka.write(topic, partition, key, poison.getValue());
                    synchronized (this.injected) {
                        this.injected.add(new Poison(
                                poison.getKey(), topic, partition, written.offset(), key, poison.getValue()));
                    }
                }
            }
        }
        String timing = "%d poison records on %d topics x %d partitions after %d ms, writing took %d ms"
                .formatted(
                        injected().size(),
                        TOPICS.size(),
                        PARTITIONS,
                        this.after.toMillis(),
                        (System.nanoTime() - started) / 1_000_000);
        this.log.note(timing);
    }

    private Map<String, byte[]> poisons(String topic, int partition) {
        Map<String, byte[]> poisons = new java.util.LinkedHashMap<>();
        poisons.put(
                "bad-json",
                ("{\"type\":\"IdeaSubmitted\",\"eventId\":\"" + this.run + "\", this is not JSON")
                        .getBytes(StandardCharsets.UTF_8));
        poisons.put(
                "unknown-type",
                ("{\"type\":\"IdeaTeleported\",\"eventId\":\"%s-%s-%d\",\"schemaVersion\":1,"
                                + "\"destination\":\"the moon\"}")
                        .formatted(this.run, topic, partition)
                        .getBytes(StandardCharsets.UTF_8));
        byte[] oversize = new byte[OVERSIZE_BYTES];
        Arrays.fill(oversize, (byte) 'x');
        byte[] start = "{\"type\":\"IdeaSubmitted\",\"title\":\"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, oversize, 0, start.length);
        poisons.put("oversize", oversize);
        return poisons;
    }

    List<Poison> injected() {
        synchronized (this.injected) {
            return List.copyOf(this.injected);
        }
    }

    @Override
    public List<String> timings() {
        return this.log.lines();
    }

    /**
     * The poison records not (yet) found as expected in their dead-letter topic, each with what is wrong;
     * empty when every one is there with its original bytes, same partition, original offset and a cause.
     */
    List<String> missingDeadLetters() {
        List<String> missing = new ArrayList<>();
        Map<String, List<ConsumerRecord<String, byte[]>>> deadLetters = new HashMap<>();
        for (Poison poison : injected()) {
            List<ConsumerRecord<String, byte[]>> letters =
                    deadLetters.computeIfAbsent(poison.topic() + ".DLT", this.kafka::readAll);
            List<ConsumerRecord<String, byte[]>> found = letters.stream()
                    .filter(letter -> poison.key().equals(letter.key()))
                    .toList();
            if (found.size() != 1) {
                missing.add(poison + ": " + found.size() + " dead letters with its key");
                continue;
            }
            ConsumerRecord<String, byte[]> letter = found.getFirst();
            String problem = null;
            if (letter.partition() != poison.partition()) {
                problem = "on partition " + letter.partition();
            } else if (!Arrays.equals(letter.value(), poison.value())) {
                problem = "value differs from the original bytes (" + letter.value().length + " bytes)";
            } else if (!poison.topic().equals(text(letter, "kafka_dlt-original-topic"))) {
                problem = "original topic header " + text(letter, "kafka_dlt-original-topic");
            } else if (number(letter, "kafka_dlt-original-offset") != poison.offset()
                    || number(letter, "kafka_dlt-original-partition") != poison.partition()) {
                problem = "original offset/partition headers " + number(letter, "kafka_dlt-original-offset") + "/"
                        + number(letter, "kafka_dlt-original-partition");
            } else if (text(letter, "kafka_dlt-exception-message").isBlank()
                    || text(letter, "kafka_dlt-exception-fqcn").isBlank()) {
                problem = "no cause in the headers";
            }
            if (problem != null) {
                missing.add(poison + ": " + problem);
            }
        }
        return missing;
    }

    /** One dead letter's cause, for the report. */
    String causeOf(Poison poison) {
        return this.kafka.readAll(poison.topic() + ".DLT").stream()
                .filter(letter -> poison.key().equals(letter.key()))
                .findFirst()
                .map(letter -> text(letter, "kafka_dlt-exception-fqcn") + " ("
                        + text(letter, "kafka_dlt-exception-cause-fqcn") + "): "
                        + abbreviate(text(letter, "kafka_dlt-exception-message")))
                .orElse("(no dead letter)");
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }

    private static String text(ConsumerRecord<String, byte[]> record, String header) {
        Header value = record.headers().lastHeader(header);
        return value == null ? "" : new String(value.value(), StandardCharsets.UTF_8);
    }

    private static long number(ConsumerRecord<String, byte[]> record, String header) {
        Header value = record.headers().lastHeader(header);
        if (value == null) {
            return -1;
        }
        ByteBuffer bytes = ByteBuffer.wrap(value.value());
        return value.value().length == Long.BYTES ? bytes.getLong() : bytes.getInt();
    }
}
