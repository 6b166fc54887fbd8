package org.suggestionbox.localstack;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.function.Consumer;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns when the launcher's heap stays {@value #PERCENT} % full after a garbage collection. The MongoDB-wire
 * server in the launcher keeps every document in memory (about 27 KB an idea with its deliveries and inbox
 * entries, measured), so a stack that has taken in many thousands of ideas fills the heap; when it is full,
 * the server fails its clients and the stack cannot start again from its data directory with the same heap.
 * The warning names the way out before that: more heap ({@code LOCAL_STACK_HEAP}), or a real MongoDB
 * ({@code MONGODB_URI}). The JVM's own collection-usage thresholds do the watching; nothing polls. The JVM tells
 * after every collection above the threshold, so the warning comes again only when the heap is {@value #STEP}
 * points fuller than at the last one.
 */
final class HeapWatch {

    private static final Logger LOG = LoggerFactory.getLogger(HeapWatch.class);

    /** How full a heap pool may stay after a collection before the warning. */
    static final int PERCENT = 80;

    /** How many points fuller the heap must be for the warning to come again. */
    static final int STEP = 5;

    private final Consumer<String> warn;

    /** How full the heap was at the last warning; before any, so low that the first crossing warns. */
    private int lastWarnedPercent = -STEP;

    HeapWatch(Consumer<String> warn) {
        this.warn = warn;
    }

    /** Sets the threshold on every heap pool that can tell, and logs the warning each time one crosses it. */
    static List<MemoryPoolMXBean> install() {
        return install(LOG::warn);
    }

    /** Sets the threshold on every heap pool that can tell, and hands {@code warn} the warning at each crossing. */
    static List<MemoryPoolMXBean> install(Consumer<String> warn) {
        List<MemoryPoolMXBean> watched = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP
                        && pool.isCollectionUsageThresholdSupported()
                        && pool.getUsage().getMax() > 0)
                .toList();
        for (MemoryPoolMXBean pool : watched) {
            pool.setCollectionUsageThreshold(thresholdOf(pool.getUsage().getMax()));
        }
        HeapWatch watch = new HeapWatch(warn);
        ((NotificationEmitter) ManagementFactory.getMemoryMXBean())
                .addNotificationListener(
                        (notification, handback) -> {
                            if (MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(
                                    notification.getType())) {
                                MemoryNotificationInfo info =
                                        MemoryNotificationInfo.from((CompositeData) notification.getUserData());
                                watch.collected(
                                        info.getUsage().getUsed(),
                                        info.getUsage().getMax());
                            }
                        },
                        null,
                        null);
        return watched;
    }

    /** A collection left a pool above its threshold: warns unless an earlier warning said nearly as much. */
    synchronized void collected(long usedBytes, long maxBytes) {
        int percent = (int) (usedBytes * 100 / maxBytes);
        if (percent >= this.lastWarnedPercent + STEP) {
            this.lastWarnedPercent = percent;
            this.warn.accept(warning(usedBytes, maxBytes));
        }
    }

    static long thresholdOf(long maxBytes) {
        return maxBytes / 100 * PERCENT;
    }

    static String warning(long usedBytes, long maxBytes) {
        return ("The launcher's heap is %d %% full after a garbage collection (%d of %d MB): its MongoDB-wire server "
                        + "keeps every document in memory (about 27 KB an idea) and fails when the heap is full. "
                        + "Stop the stack and start it with more, e.g. LOCAL_STACK_HEAP=2g ./local-stack.sh, or use a "
                        + "real MongoDB with MONGODB_URI.")
                .formatted(usedBytes * 100 / maxBytes, usedBytes >> 20, maxBytes >> 20);
    }
}
