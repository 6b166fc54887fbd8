package org.suggestionbox.notifier.delivery;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.suggestionbox.notifier.config.NotifierProperties;

/**
 * Publishes the proof of deliveries that were sent but whose {@code NotificationDelivered} was never
 * acknowledged (the broker was away, or the instance stopped between send and publish). Every
 * instance may run it: the proof's event id is derived from the delivery, so a second copy is the
 * same event.
 */
@Component
class ProofSweeper implements SchedulingConfigurer {

    private static final Logger LOG = LoggerFactory.getLogger(ProofSweeper.class);
    private static final int BATCH = 100;

    private final DeliveryLedger ledger;
    private final Deliveries deliveries;
    private final NotifierProperties properties;
    private final Clock clock;

    ProofSweeper(DeliveryLedger ledger, Deliveries deliveries, NotifierProperties properties, Clock clock) {
        this.ledger = ledger;
        this.deliveries = deliveries;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sweep, properties.proofSweepInterval());
    }

    void sweep() {
        try {
            List<Delivery> unproven =
                    ledger.sentUnpublished(clock.instant().minus(properties.proofSweepGrace()), BATCH);
            if (!unproven.isEmpty()) {
                LOG.info("Publishing the proof of {} earlier deliveries", unproven.size());
                unproven.forEach(deliveries::prove);
            }
        } catch (RuntimeException ex) {
            LOG.warn("Proof sweep failed; trying again later: {}", ex.toString());
        }
    }
}
