package org.suggestionbox.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code notifications.delivered.v1} from its end with a plain consumer (no group) and records
 * each {@code NotificationDelivered} of an {@code IdeaAssigned} to the submitter in the ledger, with
 * the time it was read.
 */
final class DeliveryWatcher implements AutoCloseable {

    static final String TOPIC = "notifications.delivered.v1";

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWatcher.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, byte[]> consumer;

    private final DeliveryLedger ledger;

    private final Thread thread;

    private volatile boolean running = true;

    private volatile long malformed;

    private volatile long failed;

    DeliveryWatcher(String bootstrapServers, DeliveryLedger ledger) {
        this.ledger = ledger;
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.CLIENT_ID_CONFIG,
                        "benchmark-delivery-watcher"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = this.consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(TOPIC, info.partition()))
                .toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("Topic " + TOPIC + " has no partitions; is the notifier up?");
        }
        this.consumer.assign(partitions);
        this.consumer.seekToEnd(partitions);
        partitions.forEach(this.consumer::position);
        this.thread = Thread.ofPlatform().name("delivery-watcher").daemon().start(this::poll);
    }

    private void poll() {
        try {
            while (this.running) {
                for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    accept(record.value(), now);
                }
            }
        } catch (WakeupException ex) {
            // closing
        } finally {
            this.consumer.close(Duration.ofSeconds(2));
        }
    }

    private void accept(byte[] value, long now) {
        JsonNode event;
        try {
            event = JSON.readTree(new String(value, StandardCharsets.UTF_8));
        } catch (RuntimeException ex) {
            this.malformed++;
            LOG.debug("Unreadable record on {}", TOPIC, ex);
            return;
        }
        if (!"IdeaAssigned".equals(event.path("sourceEventType").asString(""))
                || !"SUBMITTER".equals(event.path("recipientRole").asString(""))) {
            return;
        }
        // NotificationFailed records share the topic
        if (event.has("cause")) {
            this.failed++;
            return;
        }
        if (event.has("channel")) {
            this.ledger.delivered(
                    event.path("ideaId").asString(), event.path("channel").asString(), now);
        }
    }

    /** NotificationFailed records for submitters' IdeaAssigned messages. */
    long failed() {
        return this.failed;
    }

    long malformed() {
        return this.malformed;
    }

    @Override
    public void close() {
        this.running = false;
        this.consumer.wakeup();
        try {
            this.thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
