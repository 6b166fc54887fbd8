package org.suggestionbox.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.suggestionbox.localstack.LocalStack;

/**
 * How fast the router rebuilds its state from {@code ideas.submitted.v1}: tops the topic up to the wanted
 * number of records with copies of a real IdeaSubmitted record (new idea and event ids), kills the
 * router, drops its {@code ideas} collection, rewinds its consumer group to the start of the topic,
 * starts it again and times how fast the collection fills. The router runs its ordinary path for each
 * event (route, store with outbox, relay IdeaAssigned, roll-ups), so this is the rate of a real replay.
 * <p>
 * The copies are new ideas to the running pipeline, so the router routes them and the notifier tells their
 * submitters and owners before the replay; the replay waits until both have caught up, or it would share the
 * machine with that work. The events the replay relays again carry the ids they had (derived from the idea),
 * so the notifier only recognizes them; its CPU, and every other process's, is taken over the replay.
 */
final class RouterReplay {

    private static final Logger LOG = LoggerFactory.getLogger(RouterReplay.class);

    static final String ROUTER = "suggestion-router";

    private static final String GROUP = "suggestion-router";

    private static final String DATABASE = "suggestion_router";

    private static final String NOTIFIER_GROUP = "feedback-notifier";

    private static final String LIFECYCLE_TOPIC = "ideas.lifecycle.v1";

    /**
     * @param events records on the topic when the replay started
     * @param startup from the restart until the first idea was stored (JVM start, partition assignment)
     * @param replay from the first idea stored until the last
     * @param stored ideas in the collection at the end
     * @param caughtUp how long the pipeline took to route and deliver the copies before the replay
     * @param cpu CPU time each process used from the first idea stored until the last, by process name
     * @param store the MongoDB-wire server's work per idea stored over the same time ({@link StoreOperations})
     * @param kafka the Kafka broker's requests per idea stored over the same time ({@link KafkaRequests})
     * @param recordings JFR recordings of every process from the first idea stored until the last, by process name;
     *     empty unless asked for
     */
    record Result(
            long events,
            Duration startup,
            Duration replay,
            long stored,
            Duration caughtUp,
            Map<String, Duration> cpu,
            Map<String, String> store,
            Map<String, String> kafka,
            Map<String, Path> recordings) {

        double eventsPerSecond() {
            return this.stored / Math.max(1e-9, this.replay.toNanos() / 1e9);
        }

        /** CPU milliseconds per stored idea of the process, over the replay. */
        double cpuMillisPerEvent(String process) {
            Duration used = this.cpu.get(process);
            return used == null ? Double.NaN : used.toNanos() / 1e6 / Math.max(1, this.stored);
        }
    }

    private final LocalStack stack;

    RouterReplay(LocalStack stack) {
        this.stack = stack;
    }

    /**
     * @param profile where to write a JFR recording of every process during the replay ({@code <process>.jfr}), or
     *     {@code null} for none
     */
    Result run(long wanted, Duration timeout, @Nullable Path profile) {
        String bootstrap = this.stack.kafkaBootstrapServers();
        long events = topUp(bootstrap, wanted);
        try (MongoClient mongo = MongoClients.create(this.stack.mongoUri())) {
            MongoCollection<Document> ideas = mongo.getDatabase(DATABASE).getCollection("ideas");
            long toppedUp = System.nanoTime();
            awaitCaughtUp(bootstrap, ideas, events, toppedUp + timeout.toNanos());
            Duration caughtUp = Duration.ofNanos(System.nanoTime() - toppedUp);
            LOG.info("Router and notifier caught up with the copies after {} s", caughtUp.toSeconds());
            this.stack.kill(ROUTER);
            ideas.drop();
            rewind(bootstrap);
            LOG.info("Replaying {} IdeaSubmitted records into an empty router", events);
            long restarted = System.nanoTime();
            this.stack.restart(ROUTER);
            long first = 0;
            long stored = 0;
            Map<String, Duration> cpuAtFirst = Map.of();
            @Nullable StoreOperations storeAtFirst = null;
            @Nullable KafkaRequests kafkaAtFirst = null;
            @Nullable JfrProfiles profiles = null;
            long deadline = restarted + timeout.toNanos();
            while (stored < events && System.nanoTime() < deadline) {
                stored = ideas.estimatedDocumentCount();
                if (stored > 0 && first == 0) {
                    first = System.nanoTime();
                    cpuAtFirst = CpuUsage.snapshot(this.stack.childProcessIds());
                    storeAtFirst = StoreOperations.read(this.stack.mongoUri());
                    kafkaAtFirst = KafkaRequests.read(this.stack);
                    if (profile != null) {
                        profiles = new JfrProfiles(profile, this.stack.childProcessIds());
                        profiles.start();
                    }
                }
                // polling the collection's count, not waiting for a condition the router could signal
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
            long done = System.nanoTime();
            Map<String, Duration> cpu = CpuUsage.used(cpuAtFirst, CpuUsage.snapshot(this.stack.childProcessIds()));
            Map<String, Path> recordings = profiles == null ? Map.of() : profiles.stop();
            Map<String, String> store =
                    StoreOperations.perIdea(storeAtFirst, StoreOperations.read(this.stack.mongoUri()), stored);
            Map<String, String> kafka = KafkaRequests.perIdea(kafkaAtFirst, KafkaRequests.read(this.stack), stored);
            return new Result(
                    events,
                    Duration.ofNanos(first - restarted),
                    Duration.ofNanos(done - first),
                    stored,
                    caughtUp,
                    cpu,
                    store,
                    kafka,
                    recordings);
        }
    }

    /**
     * Waits until the router has stored an idea for every record on the topic and the notifier has read every
     * lifecycle event there is; gives up at {@code deadline} and replays anyway, saying so.
     */
    private static void awaitCaughtUp(String bootstrap, MongoCollection<Document> ideas, long events, long deadline) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
                KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> lifecycle = RecordSize.partitionsOf(consumer, LIFECYCLE_TOPIC);
            while (System.nanoTime() < deadline) {
                if (ideas.estimatedDocumentCount() >= events && lag(admin, consumer, lifecycle) == 0) {
                    return;
                }
                // polling the stores and the offsets: neither service signals that it is idle
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            }
            LOG.warn("The pipeline had not caught up with the copies when the replay started");
        }
    }

    /** Records on {@code partitions} the notifier has not committed yet. */
    private static long lag(Admin admin, KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed;
        try {
            committed = admin.listConsumerGroupOffsets(NOTIFIER_GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException ex) {
            return Long.MAX_VALUE;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the notifier", ex);
        }
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end :
                consumer.endOffsets(partitions).entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            lag += end.getValue() - (at == null ? 0 : at.offset());
        }
        return lag;
    }

    /** Copies the latest IdeaSubmitted until the topic holds {@code wanted} records; returns how many it holds. */
    private static long topUp(String bootstrap, long wanted) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = RecordSize.partitionsOf(consumer, RecordSize.TOPIC);
            long present = total(consumer, partitions);
            if (present >= wanted) {
                return present;
            }
            ConsumerRecord<byte[], byte[]> template = RecordSize.latestSubmission(consumer)
                    .orElseThrow(() ->
                            new IllegalStateException("No IdeaSubmitted record on " + RecordSize.TOPIC + " to copy"));
            LOG.info("Adding {} copies of an IdeaSubmitted record to the {} on the topic", wanted - present, present);
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                    Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            bootstrap,
                            ProducerConfig.ACKS_CONFIG,
                            "all",
                            ProducerConfig.LINGER_MS_CONFIG,
                            20,
                            ProducerConfig.BATCH_SIZE_CONFIG,
                            256 * 1024),
                    new ByteArraySerializer(),
                    new ByteArraySerializer())) {
                for (long i = present; i < wanted; i++) {
                    producer.send(copy(template));
                }
                producer.flush();
            }
            return total(consumer, partitions);
        }
    }

    /** The template with a new idea id and event id wherever the old ones appear (key, JSON, headers). */
    static ProducerRecord<byte[], byte[]> copy(ConsumerRecord<byte[], byte[]> template) {
        String oldIdea = new String(template.key(), StandardCharsets.UTF_8);
        String newIdea = UUID.randomUUID().toString();
        Map<String, String> replacements = new HashMap<>();
        replacements.put(oldIdea, newIdea);
        Header eventId = template.headers().lastHeader("ce_id");
        if (eventId != null) {
            replacements.put(
                    new String(eventId.value(), StandardCharsets.UTF_8),
                    UUID.randomUUID().toString());
        }
        ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(
                template.topic(),
                null,
                newIdea.getBytes(StandardCharsets.UTF_8),
                replace(template.value(), replacements));
        for (Header header : template.headers()) {
            copy.headers().add(header.key(), replace(header.value(), replacements));
        }
        return copy;
    }

    private static byte[] replace(byte[] bytes, Map<String, String> replacements) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            text = text.replace(replacement.getKey(), replacement.getValue());
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Sets the router's committed offsets to the start of the topic, once its dead member left the group. */
    private static void rewind(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
                KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = RecordSize.partitionsOf(consumer, RecordSize.TOPIC);
            Map<TopicPartition, OffsetAndMetadata> starts = new HashMap<>();
            consumer.beginningOffsets(partitions)
                    .forEach((partition, offset) -> starts.put(partition, new OffsetAndMetadata(offset)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (true) {
                try {
                    admin.removeMembersFromConsumerGroup(GROUP, new RemoveMembersFromConsumerGroupOptions())
                            .all()
                            .get(10, TimeUnit.SECONDS);
                } catch (ExecutionException | java.util.concurrent.TimeoutException ex) {
                    // no members left, or the group is still settling: try to rewind anyway
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while rewinding the router", ex);
                }
                try {
                    admin.alterConsumerGroupOffsets(GROUP, starts).all().get(10, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | java.util.concurrent.TimeoutException ex) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Could not rewind the router's consumer group: " + ex, ex);
                    }
                    LOG.info("Consumer group not empty yet ({}); trying again", ex.getMessage());
                    // the broker drops the killed member after its session timeout
                    LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while rewinding the router", ex);
                }
            }
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    private static long total(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
        return consumer.endOffsets(partitions).entrySet().stream()
                .mapToLong(end -> end.getValue() - starts.getOrDefault(end.getKey(), 0L))
                .sum();
    }
}
