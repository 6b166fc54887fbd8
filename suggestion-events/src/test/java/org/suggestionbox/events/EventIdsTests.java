package org.suggestionbox.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTests {

    private static final UUID IDEA_ID = UUID.fromString("3f1c2a7e-8b4d-4e2a-9c61-0d5e7f9a1b23");

    @Test
    void theSameCauseAlwaysYieldsTheSameId() {
        assertThat(EventIds.derive("reminder", IDEA_ID, ReminderPoint.HALF_TIME))
                .isEqualTo(EventIds.derive("reminder", IDEA_ID, ReminderPoint.HALF_TIME))
                .isEqualTo(EventIds.derive("reminder", IDEA_ID.toString(), "HALF_TIME"));
    }

    @Test
    void anotherCauseYieldsAnotherId() {
        UUID halfTime = EventIds.derive("reminder", IDEA_ID, ReminderPoint.HALF_TIME);
        assertThat(EventIds.derive("reminder", IDEA_ID, ReminderPoint.ONE_DAY_BEFORE))
                .isNotEqualTo(halfTime);
        assertThat(EventIds.derive(IDEA_ID, "reminder", ReminderPoint.HALF_TIME))
                .isNotEqualTo(halfTime);
        assertThat(EventIds.derive("reminder", IDEA_ID)).isNotEqualTo(halfTime);
    }

    @Test
    void isANameBasedUuidOverThePartsJoinedWithPipes() {
        UUID id = EventIds.derive("assigned", IDEA_ID, 2);
        assertThat(id.version()).isEqualTo(3);
        assertThat(id)
                .isEqualTo(UUID.nameUUIDFromBytes(("assigned|" + IDEA_ID + "|2").getBytes(StandardCharsets.UTF_8)));
    }
}
