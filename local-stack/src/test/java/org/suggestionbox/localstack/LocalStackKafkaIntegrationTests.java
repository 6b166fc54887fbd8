package org.suggestionbox.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.MongoSocketException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack's own infrastructure, for real: a Kafka broker child process (KRaft) and the
 * H2-backed MongoDB-wire server, stopped and started again from the same data directory.
 */
class LocalStackKafkaIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void recordsAndDocumentsSurviveARestart() {
        Ports ports = Ports.random();
        String topic = "local-stack-" + UUID.randomUUID();
        String value = "kept across restarts " + UUID.randomUUID();

        // given a stack with only Kafka and MongoDB, holding one record and one document
        long started = System.nanoTime();
        try (LocalStack stack = infrastructureOnly(ports).build().start()) {
            System.out.printf(
                    "Fresh Kafka + MongoDB-wire start: %d ms %s%n",
                    (System.nanoTime() - started) / 1_000_000, stack.timings());
            assertThat(stack.childProcessIds()).containsOnlyKeys("kafka");
            assertThat(stack.childProcessIds().get("kafka"))
                    .isNotEqualTo(ProcessHandle.current().pid());
            produce(stack.kafkaBootstrapServers(), topic, value);
            assertThat(consumeAll(stack.kafkaBootstrapServers(), topic)).containsExactly(value);
            try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
                mongo.getDatabase("local_stack_test")
                        .getCollection("ideas")
                        .insertOne(new Document("_id", "kept").append("title", "שלום"));
            }
        }
        assertThat(this.dataDir.resolve("mongo.mv")).exists();
        assertThat(this.dataDir.resolve("kafka/data/meta.properties")).exists();

        // when it starts again from the same data directory
        started = System.nanoTime();
        try (LocalStack stack = infrastructureOnly(ports).build().start()) {
            System.out.printf(
                    "Kafka + MongoDB-wire restart: %d ms %s%n",
                    (System.nanoTime() - started) / 1_000_000, stack.timings());

            // then the earlier record and document are still there
            assertThat(consumeAll(stack.kafkaBootstrapServers(), topic)).containsExactly(value);
            try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
                Document kept = mongo.getDatabase("local_stack_test")
                        .getCollection("ideas")
                        .find(new Document("_id", "kept"))
                        .first();
                assertThat(kept).isNotNull();
                assertThat(kept.getString("title")).isEqualTo("שלום");
            }
        }
    }

    @Test
    void stopsTheBrokerProcessOnClose() throws Exception {
        LocalStack stack =
                infrastructureOnly(Ports.random()).startMongo(false).build().start();
        long pid = stack.childProcessIds().get("kafka");
        assertThat(ProcessHandle.of(pid)).isPresent();

        stack.close();

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
        assertThat(Files.readString(this.dataDir.resolve("logs/kafka.log"))).contains("Kafka Server started");
    }

    @Test
    void theBrokerCountsTheRequestsItHandledByKind() {
        String topic = "local-stack-requests-" + UUID.randomUUID();
        try (LocalStack stack =
                infrastructureOnly(Ports.random()).startMongo(false).build().start()) {
            Map<String, Long> before = stack.kafkaRequests();

            // each record from a producer of its own: a produce request each
            for (int i = 0; i < 3; i++) {
                produce(stack.kafkaBootstrapServers(), topic, "record " + i);
            }
            assertThat(consumeAll(stack.kafkaBootstrapServers(), topic)).hasSize(3);

            Map<String, Long> after = stack.kafkaRequests();
            assertThat(after.get("Produce") - before.getOrDefault("Produce", 0L))
                    .isGreaterThanOrEqualTo(3);
            assertThat(after.get("FetchConsumer") - before.getOrDefault("FetchConsumer", 0L))
                    .isPositive();
            assertThat(after)
                    .containsKeys("Metadata", "ApiVersions")
                    .as("every fetch once, as a consumer's or a follower's")
                    .doesNotContainKey("Fetch");

            stack.stopKafka();
            assertThat(stack.kafkaRequests()).isEmpty();
        }
    }

    @Test
    void kafkaAndTheMongoDbWireServerStopAndStartAgainOnTheSamePortsAndData() {
        String topic = "local-stack-outage-" + UUID.randomUUID();
        try (LocalStack stack = infrastructureOnly(Ports.random()).build().start();
                MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            // given a record and a document
            produce(stack.kafkaBootstrapServers(), topic, "before the outage");
            var ideas = mongo.getDatabase("local_stack_test").getCollection("ideas");
            ideas.insertOne(new Document("_id", "before"));
            long kafkaPid = stack.childProcessIds().get("kafka");

            // when both are stopped and started again
            stack.stopKafka();
            stack.stopMongo();
            assertThat(stack.childProcessIds()).doesNotContainKey("kafka");
            assertThat(ProcessHandle.of(kafkaPid).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();
            stack.startMongo();
            stack.startKafka();

            // then the same client reaches the same data, and both take new writes
            assertThat(stack.childProcessIds().get("kafka")).isNotEqualTo(kafkaPid);
            produce(stack.kafkaBootstrapServers(), topic, "after the outage");
            assertThat(consumeAll(stack.kafkaBootstrapServers(), topic, 2))
                    .containsExactly("before the outage", "after the outage");
            // a pooled connection from before the outage fails once; the driver then drops the pool
            await().atMost(Duration.ofSeconds(20))
                    .ignoreException(MongoSocketException.class)
                    .until(() -> ideas.find(new Document("_id", "before")).first() != null);
            ideas.insertOne(new Document("_id", "after"));
            assertThat(ideas.countDocuments()).isEqualTo(2);
        }
    }

    @Test
    void theMongoDbWireServerAnswersTheHelloHandshakeThatHealthChecksUse() {
        try (LocalStack stack = infrastructureOnly(Ports.random())
                        .startKafka(false)
                        .build()
                        .start();
                MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            Document hello = mongo.getDatabase("admin").runCommand(new Document("hello", 1));

            assertThat(hello.get("ok")).isIn(1, 1.0);
            assertThat(hello.getInteger("maxWireVersion")).isPositive();
        }
    }

    private LocalStack.Builder infrastructureOnly(Ports ports) {
        return LocalStack.builder()
                .dataDir(this.dataDir)
                .ports(ports)
                .startSmtp(false)
                .startServices(false);
    }

    private static void produce(String bootstrapServers, String topic, String value) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", value)).get();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static List<String> consumeAll(String bootstrapServers, String topic) {
        return consumeAll(bootstrapServers, topic, 1);
    }

    private static List<String> consumeAll(String bootstrapServers, String topic, int atLeast) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "local-stack-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
                return values.size() >= atLeast;
            });
        }
        return values;
    }
}
