package org.suggestionbox.router.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.suggestionbox.router.support.RouterIntegrationTest;

/** Distinct named submitters per department, each stored once and written once by an instance. */
@RouterIntegrationTest
class DashboardParticipantsIntegrationTests {

    @Autowired
    DashboardStore store;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aParticipantIsCountedOnceAndWrittenOnlyTheFirstTime() {
        String department = "participants-" + UUID.randomUUID();
        DashboardStore.Changes first = new DashboardStore.Changes();
        first.participant(department, "piotr");
        first.participant(department, "noa");
        first.participant(department, "piotr");
        store.apply(first);
        assertThat(store.participants(department)).isEqualTo(2);

        // removed behind the instance's back, a participant it recorded stays away: it is not written again
        mongo.remove(Query.query(Criteria.where("_id").is(department + "|piotr")), DashboardStore.PARTICIPANTS);
        DashboardStore.Changes again = new DashboardStore.Changes();
        again.participant(department, "piotr");
        again.participant(department, "noa");
        again.participant(department, "lea");
        store.apply(again);

        assertThat(store.participants(department)).isEqualTo(2);
        assertThat(mongo.exists(
                        Query.query(Criteria.where("_id").is(department + "|lea")), DashboardStore.PARTICIPANTS))
                .isTrue();
    }
}
