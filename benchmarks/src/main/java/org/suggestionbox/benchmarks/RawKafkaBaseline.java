package org.suggestionbox.benchmarks;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Raw Kafka produce → consume on the same broker, open-loop at the same rate, with records of the
 * pipeline's size: a fresh topic, an idempotent {@code acks=all} producer with the client's default
 * linger (as the services have), a plain consumer assigned to every partition. Latency runs from the
 * intended send time to the moment the consumer sees the record.
 */
final class RawKafkaBaseline {

    /** What the baseline measured. */
    record Result(String topic, Histogram latencyMicros, long sent, long received, long duplicates, long sendErrors) {

        long lost() {
            return this.sent - (this.received - this.duplicates);
        }
    }

    private final String bootstrapServers;

    private final int partitions;

    private final int recordSize;

    RawKafkaBaseline(String bootstrapServers, int partitions, int recordSize) {
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
        this.recordSize = Math.max(Long.BYTES, recordSize);
    }

    Result run(double rate, Duration warmup, Duration duration, Duration drain) {
        String topic = "benchmark.raw." + UUID.randomUUID().toString().substring(0, 8);
        createTopic(topic);
        OpenLoopSchedule schedule = new OpenLoopSchedule(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500), rate);
        long warmupCount = schedule.count(warmup);
        long total = warmupCount + schedule.count(duration);
        AtomicLongArray received = new AtomicLongArray(Math.toIntExact(total));
        Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
        AtomicLong receivedCount = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong sendErrors = new AtomicLong();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> assigned = partitions(consumer, topic);
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            assigned.forEach(consumer::position);
            Thread reader = Thread.ofPlatform().name("baseline-consumer").start(() -> {
                try {
                    while (receivedCount.get() - duplicates.get() < total) {
                        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                            long now = System.nanoTime();
                            int index = (int) ByteBuffer.wrap(record.value()).getLong();
                            receivedCount.incrementAndGet();
                            if (!received.compareAndSet(index, 0, now)) {
                                duplicates.incrementAndGet();
                            } else if (index >= warmupCount) {
                                latency.recordValue(Math.max(0, (now - schedule.intendedNanos(index)) / 1000));
                            }
                        }
                    }
                } catch (WakeupException ex) {
                    // drain time is over
                }
            });
            try (KafkaProducer<String, byte[]> producer = producer()) {
                schedule.run(total, (index, intended) -> {
                    byte[] value = new byte[this.recordSize];
                    ByteBuffer.wrap(value).putLong(index);
                    producer.send(
                            new ProducerRecord<>(topic, UUID.randomUUID().toString(), value), (metadata, failure) -> {
                                if (failure != null) {
                                    sendErrors.incrementAndGet();
                                }
                            });
                });
                producer.flush();
            }
            try {
                reader.join(drain);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            if (reader.isAlive()) {
                consumer.wakeup();
                try {
                    reader.join(Duration.ofSeconds(5));
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        deleteTopic(topic);
        return new Result(topic, latency, total, receivedCount.get(), duplicates.get(), sendErrors.get());
    }

    /** The new topic's partitions, once the broker's metadata knows all of them. */
    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String topic) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            if (partitions.size() == this.partitions) {
                return partitions;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Topic " + topic + " has " + partitions.size() + " of "
                        + this.partitions + " partitions after 30 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        this.bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "benchmark-baseline-producer"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        this.bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.CLIENT_ID_CONFIG,
                        "benchmark-baseline-consumer"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers));
    }

    private void createTopic(String topic) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, this.partitions, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating " + topic, ex);
        } catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("Could not create " + topic, ex);
        }
    }

    private void deleteTopic(String topic) {
        try (Admin admin = admin()) {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException ex) {
            // a left-over benchmark topic does no harm
        }
    }
}
