package org.suggestionbox.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes raw records on the shared broker, the way an operator's tool would: for
 * asserting what a service published and for injecting poison records.
 */
public final class KafkaProbe {

    /** How the sentinel records of {@link #recordsBeforeSentinel} are keyed. */
    public static final String SENTINEL_KEY_PREFIX = "sentinel-";

    /** How long reading up to the sentinel may take before the broker counts as broken. */
    private static final Duration SENTINEL_TIMEOUT = Duration.ofSeconds(30);

    private KafkaProbe() {}

    /**
     * Reads {@code topic} from the beginning until {@code expected} records match {@code filter} or
     * {@code timeout} passes, and returns the matching ones.
     */
    public static List<ConsumerRecord<String, byte[]>> awaitRecords(
            String topic, int expected, Duration timeout, Predicate<ConsumerRecord<String, byte[]>> filter) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        List<ConsumerRecord<String, byte[]>> matching = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (matching.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(record)) {
                        matching.add(record);
                    }
                }
            }
        }
        return matching;
    }

    /**
     * Everything on {@code topic} that matches {@code filter}, read from the beginning up to a sentinel record
     * this call writes to every partition first: a negative check ("nothing was dead-lettered") that ends as
     * soon as the topic is read instead of waiting a fixed time. Call it once whatever could have written the
     * record has verifiably moved past it (for a listener: a later record of the same partition was handled), so
     * that such a record would stand before the sentinel. Sentinels have keys starting with
     * {@value #SENTINEL_KEY_PREFIX} and an empty value; filters on idea ids never match them.
     */
    public static List<ConsumerRecord<String, byte[]>> recordsBeforeSentinel(
            String topic, Predicate<ConsumerRecord<String, byte[]>> filter) {
        String sentinel = SENTINEL_KEY_PREFIX + UUID.randomUUID();
        List<TopicPartition> partitions = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        Infrastructure.get().kafkaBootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (PartitionInfo partition : producer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, partition.partition()));
                producer.send(new ProducerRecord<>(topic, partition.partition(), sentinel, new byte[0]))
                        .get();
            }
        } catch (Exception ex) {
            throw new IllegalStateException("Could not write the sentinel to " + topic, ex);
        }
        List<ConsumerRecord<String, byte[]>> matching = new ArrayList<>();
        Set<Integer> unread = new HashSet<>();
        partitions.forEach(partition -> unread.add(partition.partition()));
        long deadline = System.nanoTime() + SENTINEL_TIMEOUT.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        Infrastructure.get().kafkaBootstrapServers(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!unread.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The sentinel on " + topic + " was not read back within "
                            + SENTINEL_TIMEOUT + " on partitions " + unread);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (sentinel.equals(record.key())) {
                        unread.remove(record.partition());
                    } else if (unread.contains(record.partition()) && filter.test(record)) {
                        matching.add(record);
                    }
                }
            }
        }
        return matching;
    }

    /** Writes raw bytes to {@code topic} under {@code key} and waits for the broker's acknowledgement. */
    public static void send(String topic, String key, byte[] value, Header... headers) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, null, key, value, List.of(headers)))
                    .get();
        } catch (Exception ex) {
            throw new IllegalStateException("Could not write to " + topic, ex);
        }
    }

    /** The value of a header as text, or null when the record has no such header. */
    public static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
