package org.suggestionbox.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryLedgerTests {

    @Test
    void theFirstDeliveryOfAnIdeaOnAnyChannelCounts() {
        DeliveryLedger ledger = new DeliveryLedger();

        ledger.delivered("idea-1", "EMAIL", 300);
        ledger.delivered("idea-1", "IN_APP", 200);
        ledger.delivered("idea-2", "IN_APP", 500);

        assertThat(ledger.firstDelivery("idea-1")).hasValue(200);
        assertThat(ledger.firstDelivery("idea-2")).hasValue(500);
        assertThat(ledger.firstDelivery("idea-3")).isEmpty();
        assertThat(ledger.ideasDelivered()).isEqualTo(2);
        assertThat(ledger.duplicates()).isZero();
    }

    @Test
    void theSameIdeaDeliveredTwiceOnOneChannelIsADuplicate() {
        DeliveryLedger ledger = new DeliveryLedger();

        ledger.delivered("idea-1", "IN_APP", 100);
        ledger.delivered("idea-1", "IN_APP", 900);
        ledger.delivered("idea-1", "IN_APP", 950);
        ledger.delivered("idea-2", "IN_APP", 100);

        assertThat(ledger.duplicates()).isEqualTo(2);
        assertThat(ledger.duplicatedIdeas()).containsExactly("idea-1");
        assertThat(ledger.firstDelivery("idea-1")).hasValue(100);
    }
}
