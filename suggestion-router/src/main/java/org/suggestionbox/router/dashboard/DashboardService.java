package org.suggestionbox.router.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.suggestionbox.events.DeclineReason;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.platform.directory.Role;
import org.suggestionbox.router.dashboard.Dashboard.Bar;
import org.suggestionbox.router.dashboard.DashboardRecorder.Metrics;
import org.suggestionbox.router.dashboard.DashboardRecorder.Stage;
import org.suggestionbox.router.outbox.OutboxDeadLetters;
import org.suggestionbox.router.storage.IdeaStore;

/**
 * Builds the leadership figures from the roll-ups alone (a few dozen small documents, one per owner
 * for the backlog, and one small benefit line per implemented idea) and the participants index —
 * never from a scan of ideas, decided or not.
 */
@Service
class DashboardService {

    static final int WEEKS_SHOWN = 8;
    static final int MONTHS_SHOWN = 12;

    private final DashboardStore store;
    private final BacklogStore backlog;
    private final Directory directory;
    private final Clock clock;
    private final OutboxDeadLetters deadLetters;
    private final BenefitStore benefit;

    DashboardService(
            DashboardStore store,
            BacklogStore backlog,
            BenefitStore benefit,
            Directory directory,
            Clock clock,
            OutboxDeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        this.benefit = benefit;
        this.store = store;
        this.backlog = backlog;
        this.directory = directory;
        this.clock = clock;
    }

    static boolean mayView(Person person) {
        return person.hasRole(Role.LEADER) || person.hasRole(Role.ADMIN);
    }

    Dashboard dashboard() {
        Instant now = clock.instant();
        List<String> weeks = new ArrayList<>();
        for (int back = WEEKS_SHOWN - 1; back >= 0; back--) {
            weeks.add(DashboardRecorder.isoWeek(now.minus(Duration.ofDays(7L * back))));
        }
        Map<String, Map<String, Long>> byDepartment = store.counters(Metrics.SUBMITTED_BY_DEPARTMENT, weeks);
        Map<String, Map<String, Long>> byChannel = store.counters(Metrics.SUBMITTED_BY_CHANNEL, weeks);
        List<Bar> weeklyTotals = bars(
                weeks,
                week -> byChannel.getOrDefault(week, Map.of()).values().stream()
                        .mapToLong(Long::longValue)
                        .sum(),
                null);

        Map<String, Long> funnelCounts = store.counters(Metrics.FUNNEL, DashboardStore.ALL);
        long submitted = funnelCounts.getOrDefault(Stage.SUBMITTED.name(), 0L);
        List<Bar> funnel = bars(
                java.util.Arrays.stream(Stage.values()).map(Enum::name).toList(),
                stage -> funnelCounts.getOrDefault(stage, 0L),
                submitted);

        List<IdeaStore.OwnerBacklog> undecided = backlog.undecidedByOwner(now);
        Map<String, Long> answered = store.counters(Metrics.ANSWERED, DashboardStore.ALL);
        long onTime = answered.getOrDefault("ON_TIME", 0L);
        long late = answered.getOrDefault("LATE", 0L);
        Dashboard.Answers answers = new Dashboard.Answers(
                onTime,
                late,
                ratio(onTime, onTime + late),
                undecided.stream().mapToLong(IdeaStore.OwnerBacklog::overdue).sum(),
                store.counters(Metrics.DEADLINES, DashboardStore.ALL).getOrDefault("BREACHED", 0L),
                bar(onTime, Math.max(onTime, late)),
                bar(late, Math.max(onTime, late)),
                deadLetters.ideasWithOpenDeadLetters().size());

        Map<String, Long> hours = store.counters(Metrics.DECISION_HOURS, DashboardStore.ALL);
        DecisionTimeHistogram.Percentile median = DecisionTimeHistogram.percentile(hours, 0.5);
        DecisionTimeHistogram.Percentile p90 = DecisionTimeHistogram.percentile(hours, 0.9);
        List<String> bucketKeys = new ArrayList<>(
                DecisionTimeHistogram.BOUNDS_HOURS.stream().map(String::valueOf).toList());
        bucketKeys.add("inf");
        Dashboard.DecisionTime decisionTime = new Dashboard.DecisionTime(
                hours.values().stream().mapToLong(Long::longValue).sum(),
                median == null ? null : median.withinHours(),
                median != null && median.beyond(),
                p90 == null ? null : p90.withinHours(),
                p90 != null && p90.beyond(),
                bars(bucketKeys, key -> hours.getOrDefault(key, 0L), null));

        Map<String, Long> declines = store.counters(Metrics.DECLINE_REASONS, DashboardStore.ALL);
        long declined = declines.values().stream().mapToLong(Long::longValue).sum();
        List<Bar> declineReasons = bars(
                java.util.Arrays.stream(DeclineReason.values()).map(Enum::name).toList(),
                reason -> declines.getOrDefault(reason, 0L),
                declined);

        return new Dashboard(
                now,
                weeks,
                series(byDepartment, weeks),
                series(byChannel, weeks),
                weeklyTotals,
                funnel,
                answers,
                decisionTime,
                backlog(undecided, now),
                declineReasons,
                participation(),
                ratio(funnelCounts.getOrDefault(Stage.IMPLEMENTED.name(), 0L), submitted),
                benefit.byDepartmentAndUnit(),
                implementationByMonth(now));
    }

    /** The last {@value #MONTHS_SHOWN} months of decision, oldest first, with the share implemented since. */
    private List<Dashboard.MonthRate> implementationByMonth(Instant now) {
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        List<String> months = new ArrayList<>();
        for (int back = MONTHS_SHOWN - 1; back >= 0; back--) {
            months.add(current.minusMonths(back).toString());
        }
        Map<String, Map<String, Long>> counts = store.counters(Metrics.BY_DECISION_MONTH, months);
        List<Dashboard.MonthRate> rows = new ArrayList<>();
        for (String month : months) {
            Map<String, Long> of = counts.getOrDefault(month, Map.of());
            long decided = of.getOrDefault(DashboardRecorder.DECIDED, 0L);
            long implemented = of.getOrDefault(DashboardRecorder.IMPLEMENTED, 0L);
            Double rate = ratio(implemented, decided);
            rows.add(new Dashboard.MonthRate(
                    month, decided, implemented, rate, rate == null ? 0 : (int) Math.round(Math.min(1.0, rate) * 100)));
        }
        return rows;
    }

    private List<Dashboard.Backlog> backlog(List<IdeaStore.OwnerBacklog> undecided, Instant now) {
        List<IdeaStore.OwnerBacklog> owners = undecided.stream()
                .sorted(Comparator.comparing(IdeaStore.OwnerBacklog::oldestSubmittedAt))
                .toList();
        long most =
                owners.stream().mapToLong(IdeaStore.OwnerBacklog::open).max().orElse(0);
        return owners.stream()
                .map(owner -> new Dashboard.Backlog(
                        owner.ownerId(),
                        directory.find(owner.ownerId()).map(Person::name).orElse(owner.ownerId()),
                        owner.open(),
                        Math.max(
                                0,
                                Duration.between(owner.oldestSubmittedAt(), now).toDays()),
                        bar(owner.open(), most)))
                .toList();
    }

    /**
     * Participation per department of the directory: distinct named submitters ÷ headcount. Anonymous
     * ideas are counted in the department's ideas (intake records the department, not the person) but
     * not as submitters: nobody can tell whether two anonymous ideas came from one person or two, and
     * counting each as a new person could push the rate above 100 %.
     */
    private List<Dashboard.Participation> participation() {
        Map<String, Long> headcount = directory.headcountByDepartment();
        Map<String, Long> ideasByDepartment = store.counters(Metrics.IDEAS_BY_DEPARTMENT, DashboardStore.ALL);
        List<Dashboard.Participation> rows = new ArrayList<>();
        for (String department : new TreeSet<>(headcount.keySet())) {
            long people = headcount.getOrDefault(department, 0L);
            long submitters = store.participants(department);
            Double rate = ratio(submitters, people);
            rows.add(new Dashboard.Participation(
                    department,
                    people,
                    submitters,
                    ideasByDepartment.getOrDefault(department, 0L),
                    rate,
                    rate == null ? 0 : (int) Math.round(Math.min(1.0, rate) * 100)));
        }
        return rows;
    }

    private static List<Dashboard.Series> series(Map<String, Map<String, Long>> perWeek, List<String> weeks) {
        TreeSet<String> keys = new TreeSet<>();
        perWeek.values().forEach(counts -> keys.addAll(counts.keySet()));
        List<Dashboard.Series> rows = new ArrayList<>();
        for (String key : keys) {
            List<Long> counts = weeks.stream()
                    .map(week -> perWeek.getOrDefault(week, Map.of()).getOrDefault(key, 0L))
                    .toList();
            rows.add(new Dashboard.Series(
                    key, counts, counts.stream().mapToLong(Long::longValue).sum(), 0));
        }
        long most = rows.stream().mapToLong(Dashboard.Series::total).max().orElse(0);
        return rows.stream()
                .map(row -> new Dashboard.Series(row.key(), row.perWeek(), row.total(), bar(row.total(), most)))
                .sorted(Comparator.comparing(Dashboard.Series::total).reversed())
                .toList();
    }

    private static List<Bar> bars(List<String> keys, Function<String, Long> count, @Nullable Long whole) {
        long most = keys.stream().mapToLong(count::apply).max().orElse(0);
        return keys.stream()
                .map(key -> {
                    long n = count.apply(key);
                    return new Bar(key, n, whole == null ? null : ratio(n, whole), bar(n, most));
                })
                .toList();
    }

    private static int bar(long value, long most) {
        return most == 0 ? 0 : (int) Math.round(100.0 * value / most);
    }

    private static @Nullable Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
