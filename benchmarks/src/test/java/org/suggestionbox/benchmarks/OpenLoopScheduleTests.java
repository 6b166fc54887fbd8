package org.suggestionbox.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenLoopScheduleTests {

    @Test
    void sendsAreDueAtAConstantRateFromTheStart() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(1_000, 100);

        assertThat(schedule.intendedNanos(0)).isEqualTo(1_000);
        assertThat(schedule.intendedNanos(1)).isEqualTo(1_000 + 10_000_000);
        assertThat(schedule.intendedNanos(250)).isEqualTo(1_000 + 2_500_000_000L);
        assertThat(schedule.count(Duration.ofSeconds(30))).isEqualTo(3_000);
        assertThat(schedule.firstIndexAt(Duration.ofSeconds(5))).isEqualTo(500);
    }

    @Test
    void aSenderThatIsBehindSendsAtOnceButKeepsTheIntendedTimes() {
        // started a second ago: every send is overdue, none waits, and each keeps its own intended time
        long start = System.nanoTime() - 1_000_000_000L;
        OpenLoopSchedule schedule = new OpenLoopSchedule(start, 50);
        List<Long> intended = new ArrayList<>();
        List<Long> sentAt = new ArrayList<>();

        schedule.run(20, (index, due) -> {
            intended.add(due);
            sentAt.add(System.nanoTime());
        });

        assertThat(intended).hasSize(20).first().isEqualTo(start);
        assertThat(intended.get(19)).isEqualTo(start + 19 * 20_000_000L);
        for (int i = 0; i < 20; i++) {
            assertThat(sentAt.get(i)).isGreaterThanOrEqualTo(intended.get(i));
        }
    }

    @Test
    void aSenderThatIsAheadWaitsForTheIntendedTime() {
        long start = System.nanoTime() + 20_000_000L;
        OpenLoopSchedule schedule = new OpenLoopSchedule(start, 200);
        List<Long> sentAt = new ArrayList<>();

        schedule.run(3, (index, due) -> sentAt.add(System.nanoTime()));

        assertThat(sentAt.get(0)).isGreaterThanOrEqualTo(start);
        assertThat(sentAt.get(2)).isGreaterThanOrEqualTo(start + 10_000_000L);
    }
}
