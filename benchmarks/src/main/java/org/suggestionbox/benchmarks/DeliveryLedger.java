package org.suggestionbox.benchmarks;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Which ideas' "received and routed" messages reached their submitters, and when first; a second
 * delivery of the same idea on the same channel is a duplicate. Thread-safe.
 */
final class DeliveryLedger {

    private final Map<String, Long> firstDelivered = new HashMap<>();

    private final Set<String> seen = new HashSet<>();

    private final Set<String> duplicatedIdeas = new HashSet<>();

    private long duplicates;

    /** Records that the submitter of {@code ideaId} got the message on {@code channel} at {@code nanos}. */
    synchronized void delivered(String ideaId, String channel, long nanos) {
        this.firstDelivered.merge(ideaId, nanos, Math::min);
        if (!this.seen.add(ideaId + '/' + channel)) {
            this.duplicates++;
            this.duplicatedIdeas.add(ideaId);
        }
    }

    synchronized OptionalLong firstDelivery(String ideaId) {
        Long nanos = this.firstDelivered.get(ideaId);
        return nanos == null ? OptionalLong.empty() : OptionalLong.of(nanos);
    }

    /** Deliveries beyond the first per idea and channel. */
    synchronized long duplicates() {
        return this.duplicates;
    }

    synchronized Set<String> duplicatedIdeas() {
        return Set.copyOf(this.duplicatedIdeas);
    }

    synchronized int ideasDelivered() {
        return this.firstDelivered.size();
    }
}
