package org.suggestionbox.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.MemoryPoolMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class HeapWatchTests {

    @Test
    void watchesEveryHeapPoolThatCanTellAtFourFifthsOfItsMaximum() {
        List<MemoryPoolMXBean> pools = HeapWatch.install(warning -> {});
        try {
            assertThat(pools).isNotEmpty();
            assertThat(pools)
                    .allSatisfy(pool -> assertThat(pool.getCollectionUsageThreshold())
                            .isEqualTo(pool.getUsage().getMax() / 100 * 80));
        } finally {
            pools.forEach(pool -> pool.setCollectionUsageThreshold(0));
        }
    }

    @Test
    void aPoolFullerAfterACollectionThanItsThresholdGivesTheWarning() {
        List<String> warnings = new CopyOnWriteArrayList<>();
        List<MemoryPoolMXBean> pools = HeapWatch.install(warnings::add);
        try {
            // a threshold of one byte, which any pool holding anything after a full collection crosses
            pools.forEach(pool -> pool.setCollectionUsageThreshold(1));
            System.gc();

            await().atMost(Duration.ofSeconds(10)).until(() -> !warnings.isEmpty());
            assertThat(warnings.getFirst())
                    .startsWith("The launcher's heap is ")
                    .contains("LOCAL_STACK_HEAP=2g ./local-stack.sh", "MONGODB_URI");
        } finally {
            pools.forEach(pool -> pool.setCollectionUsageThreshold(0));
        }
    }

    @Test
    void aFullHeapIsNotWarnedOfAgainAtEveryCollectionOnlyWhenItIsFiveMorePointsFuller() {
        List<String> warnings = new ArrayList<>();
        HeapWatch watch = new HeapWatch(warnings::add);

        watch.collected(82, 100);
        watch.collected(84, 100);
        watch.collected(86, 100);
        watch.collected(80, 100);
        watch.collected(87, 100);
        watch.collected(92, 100);

        assertThat(warnings)
                .hasSize(3)
                .allSatisfy(warning -> assertThat(warning).startsWith("The launcher's heap is "));
        assertThat(warnings.get(1)).startsWith("The launcher's heap is 87 % full");
        assertThat(warnings.get(2)).startsWith("The launcher's heap is 92 % full");
    }

    @Test
    void theWarningSaysHowFullAndHowMuch() {
        assertThat(HeapWatch.warning(900L << 20, 1024L << 20))
                .startsWith("The launcher's heap is 87 % full after a garbage collection (900 of 1024 MB)");
    }
}
