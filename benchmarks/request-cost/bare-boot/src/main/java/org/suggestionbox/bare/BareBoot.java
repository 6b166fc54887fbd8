package org.suggestionbox.bare;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nothing of ours: {@code GET /actuator/health/liveness} and a {@code POST /api/ideas} that reads the JSON body into
 * a map and answers {@code 202}. With {@code --spring.profiles.active=plain} Spring Security is left out; with
 * {@code security} a filter chain permitting every request stands in front, as the services have theirs. With
 * {@code parts} the {@code POST} also makes the two round trips intake makes for every accepted submission, through
 * the same clients and nothing of ours around them: one conditional update of a small document in MongoDB (the rate
 * limit's swap of a person's bucket) and one Kafka send of the body as JSON, awaited for the broker's acknowledgement
 * ({@code acks=all}, idempotent, {@code linger.ms} 5, as intake publishes an idea).
 */
@SpringBootApplication
public class BareBoot {

    public static void main(String[] args) {
        SpringApplication.run(BareBoot.class, args);
    }

    @RestController
    static class Ideas {

        private final Optional<Parts> parts;

        Ideas(Optional<Parts> parts) {
            this.parts = parts;
        }

        @PostMapping("/api/ideas")
        ResponseEntity<Map<String, Object>> submit(@RequestBody Map<String, Object> idea) throws Exception {
            if (this.parts.isPresent()) {
                this.parts.get().make(idea);
            }
            return ResponseEntity.accepted().body(Map.of("title", String.valueOf(idea.get("title"))));
        }
    }

    @Configuration
    @Profile("security")
    static class Security {

        @Bean
        SecurityFilterChain chain(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .csrf(csrf -> csrf.disable())
                    .build();
        }
    }

    /**
     * The two round trips: {@code --bare.mongodb-uri} and {@code --bare.kafka-bootstrap-servers} name where;
     * {@code --bare.parts=mongodb} or {@code kafka} makes only that one.
     */
    @Component
    @Profile("parts")
    static class Parts implements AutoCloseable {

        /** As many buckets as the benchmark has people. */
        private static final int PEOPLE = 5;

        private final MongoClient mongo;
        private final MongoCollection<Document> buckets;
        private final Producer<String, byte[]> kafka;
        private final JsonMapper json = JsonMapper.builder().build();
        private final boolean swaps;
        private final boolean sends;

        Parts(
                @Value("${bare.mongodb-uri}") String mongodbUri,
                @Value("${bare.kafka-bootstrap-servers}") String bootstrapServers,
                @Value("${bare.parts:both}") String which) {
            this.swaps = !which.equals("kafka");
            this.sends = !which.equals("mongodb");
            this.mongo = MongoClients.create(mongodbUri);
            this.buckets = this.mongo.getDatabase("bare").getCollection("buckets");
            Properties producer = new Properties();
            producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            producer.put(ProducerConfig.ACKS_CONFIG, "all");
            producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            producer.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            this.kafka = new KafkaProducer<>(producer, new StringSerializer(), new ByteArraySerializer());
        }

        void make(Map<String, Object> idea) throws Exception {
            if (this.swaps) {
                swap();
            }
            if (this.sends) {
                this.kafka
                        .send(new ProducerRecord<>(
                                "bare.ideas", String.valueOf(idea.get("title")), json.writeValueAsBytes(idea)))
                        .get(10, TimeUnit.SECONDS);
            }
        }

        /** Filtered on three fields and setting three, as a bucket's compare-and-swap is. */
        private void swap() {
            byte[] state = new byte[96];
            ThreadLocalRandom.current().nextBytes(state);
            this.buckets.updateOne(
                    and(
                            eq("_id", "person-" + ThreadLocalRandom.current().nextInt(PEOPLE)),
                            lt("version", Long.MAX_VALUE),
                            eq("kind", "bucket")),
                    Updates.combine(
                            Updates.set("state", new Binary(state)),
                            Updates.inc("version", 1L),
                            Updates.set("expiresAt", new Date())),
                    new UpdateOptions().upsert(true));
        }

        @Override
        public void close() {
            this.kafka.close();
            this.mongo.close();
        }
    }
}
