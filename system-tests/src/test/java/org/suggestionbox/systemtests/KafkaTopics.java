package org.suggestionbox.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Raw access to the stack's topics from the outside, as an operator's tool would: write arbitrary bytes to
 * a chosen partition (poison), and read a whole topic from its beginning to its current end without
 * joining any group (dead letters, lifecycle events).
 */
final class KafkaTopics {

    private static final Duration READ_PATIENCE = Duration.ofSeconds(60);

    private final String bootstrapServers;

    KafkaTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Writes one record to one partition and waits for the broker's acknowledgement. */
    RecordMetadata write(String topic, int partition, String key, byte[] value) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                this.bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                2 * 1024 * 1024);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(topic, partition, key, value))
                    .get();
        } catch (Exception ex) {
            throw new IllegalStateException("Could not write to " + topic + "-" + partition + ": " + ex, ex);
        }
    }

    /** Every record of a topic, all partitions, from the beginning to the end offsets at the time of the call. */
    List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        return readFrom(topic, Map.of());
    }

    /** The offset each partition of a topic will give its next record: a mark to {@link #readFrom} later. */
    Map<Integer, Long> endOffsets(String topic) {
        try (var consumer = consumer()) {
            Map<Integer, Long> offsets = new HashMap<>();
            consumer.endOffsets(partitions(consumer, topic), READ_PATIENCE)
                    .forEach((partition, offset) -> offsets.put(partition.partition(), offset));
            return offsets;
        }
    }

    /**
     * Every record of a topic, all partitions, from the offsets given by partition number (the beginning of a
     * partition not given) to the end offsets at the time of the call.
     */
    List<ConsumerRecord<String, byte[]>> readFrom(String topic, Map<Integer, Long> from) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (var consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            partitions.stream()
                    .filter(partition -> from.containsKey(partition.partition()))
                    .forEach(partition -> consumer.seek(partition, from.get(partition.partition())));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_PATIENCE);
            long deadline = System.nanoTime() + READ_PATIENCE.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end " + end + " in "
                            + READ_PATIENCE.toSeconds() + " s");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String topic) {
        return consumer.partitionsFor(topic, READ_PATIENCE).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                this.bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG,
                "fault-injection-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                4 * 1024 * 1024);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
