package org.suggestionbox.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.IdeaLifecycleEvent;
import org.suggestionbox.events.Topics;
import org.suggestionbox.testing.SuggestionBoxInfrastructure;

/**
 * Listeners commit their offsets once per {@code suggestionbox.kafka.commit-interval}, not after every poll, on a
 * real broker: records handled one poll at a time take at most one commit per interval, and every one of them is
 * committed within the interval after the last.
 */
@SpringBootTest(
        classes = OffsetCommitsIntegrationTests.HandledListener.class,
        properties = {
            "spring.application.name=offset-commit-tests",
            "suggestionbox.kafka.commit-interval=" + OffsetCommitsIntegrationTests.INTERVAL_SECONDS + "s",
            "spring.kafka.consumer.auto-offset-reset=earliest",
            "spring.kafka.consumer.properties.interceptor.classes="
                    + "org.suggestionbox.platform.kafka.OffsetCommitsIntegrationTests$Commits"
        })
@ImportAutoConfiguration({KafkaAutoConfiguration.class, KafkaEventsAutoConfiguration.class})
@SuggestionBoxInfrastructure
class OffsetCommitsIntegrationTests {

    static final int INTERVAL_SECONDS = 3;

    private static final String GROUP = "offset-commit-tests";

    private static final String TOPIC = Topics.IDEAS_LIFECYCLE;

    /** {@code suggestionbox.kafka.partitions}' default. */
    private static final int PARTITIONS = 3;

    private static final int RECORDS = 20;

    @Autowired
    EventPublisher publisher;

    @Autowired
    HandledListener listener;

    @Autowired
    KafkaAdmin kafkaAdmin;

    @Test
    void recordsHandledOnePollAtATimeAreCommittedOncePerIntervalAndAllOfThemWithinIt() throws Exception {
        // given a listener that has handled a record
        publishAndAwaitHandled();
        int commitsBefore = Commits.COUNT.get();
        long started = System.nanoTime();

        // when records arrive one at a time, each handled before the next is sent: a poll each
        for (int i = 0; i < RECORDS; i++) {
            publishAndAwaitHandled();
        }

        // then the consumer committed at most once per interval meanwhile, where it would have committed per poll
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        assertThat(Commits.COUNT.get() - commitsBefore)
                .as("commits while %d records were handled in %d s", RECORDS, seconds)
                .isLessThanOrEqualTo((int) (seconds / INTERVAL_SECONDS) + 1);
        // and every record is committed within the interval
        try (Admin admin = Admin.create(this.kafkaAdmin.getConfigurationProperties())) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                latest.put(new TopicPartition(TOPIC, partition), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest)
                    .all()
                    .get(10, TimeUnit.SECONDS)
                    .forEach((partition, end) -> ends.put(partition, end.offset()));
            await().atMost(Duration.ofSeconds(INTERVAL_SECONDS + 10)).untilAsserted(() -> {
                Map<TopicPartition, Long> committed = new HashMap<>();
                admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS)
                        .forEach((partition, offset) -> committed.put(partition, offset.offset()));
                assertThat(committed).containsAllEntriesOf(ends);
            });
        }
    }

    private void publishAndAwaitHandled() {
        UUID ideaId = UUID.randomUUID();
        this.publisher.publish(TOPIC, Reminders.forIdea(ideaId));
        await().atMost(Duration.ofSeconds(30)).until(() -> this.listener.handled(ideaId));
    }

    /** Counts the offset commits of every consumer it is configured in (only this test's). */
    public static class Commits implements ConsumerInterceptor<Object, Object> {

        static final AtomicInteger COUNT = new AtomicInteger();

        @Override
        public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
            return records;
        }

        @Override
        public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
            COUNT.incrementAndGet();
        }

        @Override
        public void close() {}

        @Override
        public void configure(Map<String, ?> configs) {}
    }

    /** Remembers the ideas of the records it handled. */
    @Component
    static class HandledListener {

        private final Set<UUID> handled = ConcurrentHashMap.newKeySet();

        boolean handled(UUID ideaId) {
            return this.handled.contains(ideaId);
        }

        @KafkaListener(id = GROUP, topics = TOPIC)
        void on(IdeaLifecycleEvent event) {
            this.handled.add(event.ideaId());
        }
    }
}
