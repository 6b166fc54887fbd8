package org.suggestionbox.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaRequestsTests {

    @Test
    void theRequestsBetweenTwoReadsArePerIdeaTheMostFrequentFirstAndRareKindsOnlyInTheTotal() {
        KafkaRequests before = new KafkaRequests(Map.of("FetchConsumer", 100L, "Produce", 50L, "Metadata", 7L));
        KafkaRequests after = new KafkaRequests(
                Map.of("FetchConsumer", 400L, "Produce", 250L, "Metadata", 7L, "OffsetCommit", 180L, "Heartbeat", 1L));

        Map<String, String> perIdea = KafkaRequests.perIdea(before, after, 300);

        assertThat(perIdea)
                .containsExactly(
                        Map.entry("all", "2.27 per idea (681)"),
                        Map.entry("FetchConsumer", "1.00 per idea (300)"),
                        Map.entry("Produce", "0.67 per idea (200)"),
                        Map.entry("OffsetCommit", "0.60 per idea (180)"));
        assertThat(KafkaRequests.perIdea(before, null, 300)).isEmpty();
    }
}
