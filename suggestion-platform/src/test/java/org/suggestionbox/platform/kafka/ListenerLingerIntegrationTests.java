package org.suggestionbox.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.IdeaLifecycleEvent;
import org.suggestionbox.events.Topics;
import org.suggestionbox.testing.SuggestionBoxInfrastructure;

/**
 * On a real broker, a batch listener takes records one at a time while they come slowly, and while they come
 * faster than {@code suggestionbox.kafka.linger.busy-rate} a second it lingers after a small poll, so that the next
 * poll holds what arrived meanwhile.
 */
@SpringBootTest(
        classes = ListenerLingerIntegrationTests.PollsListener.class,
        properties = {
            "spring.application.name=linger-tests",
            "suggestionbox.kafka.linger.time=300ms",
            "suggestionbox.kafka.linger.busy-rate=20",
            "suggestionbox.kafka.linger.small-poll=10",
            // the whole 300 ms at 100 records a second
            "suggestionbox.kafka.linger.gather=30",
            "spring.kafka.consumer.auto-offset-reset=earliest"
        })
@ImportAutoConfiguration({KafkaAutoConfiguration.class, KafkaEventsAutoConfiguration.class})
@SuggestionBoxInfrastructure
class ListenerLingerIntegrationTests {

    private static final String TOPIC = Topics.IDEAS_LIFECYCLE;

    /** {@code suggestionbox.kafka.partitions}' default. */
    private static final int PARTITIONS = 3;

    @Autowired
    EventPublisher publisher;

    @Autowired
    PollsListener listener;

    @Autowired
    KafkaListenerEndpointRegistry registry;

    @Test
    void recordsComingSlowlyAreTakenOneAtATimeAndComingFastAreGathered() throws Exception {
        ContainerTestUtils.waitForAssignment(registry.getListenerContainer(PollsListener.ID), PARTITIONS);
        // given a listener that has caught up with the topic (other tests' records) and was quiet for two seconds
        publish(1, Duration.ZERO);
        TimeUnit.SECONDS.sleep(2);

        // when ten records come four a second
        List<UUID> slow = publish(10, Duration.ofMillis(250));
        // then each is taken by a poll of its own (a stall of the machine may put two in one)
        List<Integer> slowPolls = listener.pollsOf(slow);
        assertThat(slowPolls.stream().mapToInt(Integer::intValue).average().orElseThrow())
                .as("records per poll, polls %s", slowPolls)
                .isLessThan(1.5);

        // when 300 records come a hundred a second: the listener counts whole seconds of the clock, so it is busy
        // from the end of the first whole second that holds them, between one and two seconds in
        List<UUID> fast = publish(300, Duration.ofMillis(10));
        // then the polls of the last 150, which came after a second and a half, hold what came during each wait:
        // about 30, where a poll a record would be 150 polls
        List<Integer> busyPolls = listener.pollsOf(fast.subList(150, fast.size()));
        assertThat(busyPolls).as("polls of the last 150 records").anyMatch(size -> size >= 15);
        assertThat(busyPolls.size())
                .as("polls for the last 150 records, %s", busyPolls)
                .isLessThan(50);
    }

    /**
     * Publishes records one every {@code every}, and waits until the listener has handled them all.
     *
     * @return the records' ideas in the order they were published
     */
    private List<UUID> publish(int records, Duration every) throws InterruptedException {
        List<UUID> ideas = new ArrayList<>();
        long next = System.nanoTime();
        for (int i = 0; i < records; i++) {
            UUID ideaId = UUID.randomUUID();
            ideas.add(ideaId);
            publisher.publish(TOPIC, Reminders.forIdea(ideaId));
            next += every.toNanos();
            TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
        }
        Set<UUID> published = Set.copyOf(ideas);
        await().atMost(Duration.ofSeconds(30)).until(() -> listener.handledAll(published));
        return ideas;
    }

    /** Remembers each poll's ideas. */
    @Component
    static class PollsListener {

        static final String ID = "linger-tests";

        private final List<Set<UUID>> polls = new CopyOnWriteArrayList<>();

        boolean handledAll(Set<UUID> ideas) {
            return polls.stream()
                            .mapToLong(poll ->
                                    poll.stream().filter(ideas::contains).count())
                            .sum()
                    >= ideas.size();
        }

        /** The sizes of the polls that held any of these ideas. */
        List<Integer> pollsOf(List<UUID> ideas) {
            Set<UUID> wanted = Set.copyOf(ideas);
            return polls.stream()
                    .filter(poll -> poll.stream().anyMatch(wanted::contains))
                    .map(Set::size)
                    .toList();
        }

        @KafkaListener(id = ID, topics = TOPIC, batch = "true")
        void on(List<ConsumerRecord<String, @Nullable IdeaLifecycleEvent>> records) {
            Set<UUID> poll = ConcurrentHashMap.newKeySet();
            for (ConsumerRecord<String, @Nullable IdeaLifecycleEvent> record : records) {
                IdeaLifecycleEvent event = record.value();
                if (event != null) {
                    poll.add(event.ideaId());
                }
            }
            polls.add(poll);
        }
    }
}
