package org.suggestionbox.notifier.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Retries, from the delivery ledger, the deliveries to people's own Teams and webhook URLs that
 * failed and are due again. Every instance may run it: each retry is claimed in the ledger first.
 */
@Component
class DeliveryRetrySweeper implements SchedulingConfigurer {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRetrySweeper.class);

    private final Deliveries deliveries;
    private final LedgerRetryProperties properties;

    DeliveryRetrySweeper(Deliveries deliveries, LedgerRetryProperties properties) {
        this.deliveries = deliveries;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sweep, properties.sweepInterval());
    }

    void sweep() {
        try {
            int tried = deliveries.retryDue(properties.batch());
            if (tried > 0) {
                LOG.info("Retried {} deliveries from the ledger", tried);
            }
        } catch (RuntimeException ex) {
            LOG.warn("Delivery retry sweep failed; trying again later: {}", ex.toString());
        }
    }
}
