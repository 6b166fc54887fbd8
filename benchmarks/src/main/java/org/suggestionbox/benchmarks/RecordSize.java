package org.suggestionbox.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The size (key + value + headers) of the latest IdeaSubmitted record on {@code ideas.submitted.v1}. */
final class RecordSize {

    static final String TOPIC = "ideas.submitted.v1";

    private RecordSize() {}

    static OptionalInt ofLatestSubmission(String bootstrapServers) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            return latestSubmission(consumer)
                    .map(record -> OptionalInt.of(size(record)))
                    .orElse(OptionalInt.empty());
        }
    }

    /** The last record of the first partition of {@link #TOPIC} that holds any, read with {@code consumer}. */
    static Optional<ConsumerRecord<byte[], byte[]>> latestSubmission(KafkaConsumer<byte[], byte[]> consumer) {
        List<TopicPartition> partitions = partitionsOf(consumer, TOPIC);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        for (TopicPartition partition : partitions) {
            long end = ends.getOrDefault(partition, 0L);
            if (end == 0) {
                continue;
            }
            consumer.assign(List.of(partition));
            consumer.seek(partition, end - 1);
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(5))) {
                return Optional.of(record);
            }
        }
        return Optional.empty();
    }

    static List<TopicPartition> partitionsOf(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    static int partitions(String bootstrapServers, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            return consumer.partitionsFor(topic, Duration.ofSeconds(10)).size();
        }
    }

    static int size(ConsumerRecord<byte[], byte[]> record) {
        int size =
                (record.key() == null ? 0 : record.key().length) + (record.value() == null ? 0 : record.value().length);
        for (Header header : record.headers()) {
            size += header.key().length() + (header.value() == null ? 0 : header.value().length);
        }
        return size;
    }
}
