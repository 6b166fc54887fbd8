package org.suggestionbox.router.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The leadership figures. Shares and rates are fractions between 0 and 1 (null when there is nothing
 * to divide by); {@code bar} fields are 0–100, the length of the item's bar relative to the largest in
 * its chart.
 *
 * @param weeks the ISO weeks shown, oldest first
 * @param submittedByDepartment ideas submitted per week by the submitter's department
 * @param submittedByChannel ideas submitted per week by channel
 * @param weeklyTotals all ideas submitted per week, aligned with {@code weeks}
 * @param funnel submitted → assigned → decided → explored → implemented
 * @param answers whether submitters heard back within the deadline
 * @param decisionTime median and 90th percentile time from submission to decision
 * @param backlog undecided ideas per owner, oldest first
 * @param declineReasons why ideas were declined
 * @param participation distinct named submitters ÷ headcount per department
 * @param implementationRate implemented ÷ submitted
 * @param benefit estimated and measured benefit by department and unit
 * @param implementationByMonth the implementation rate over time: per month of decision, how many of
 *        the ideas decided in it (explored, declined or merged) have been implemented since, oldest
 *        month first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Dashboard(
        Instant generatedAt,
        List<String> weeks,
        List<Series> submittedByDepartment,
        List<Series> submittedByChannel,
        List<Bar> weeklyTotals,
        List<Bar> funnel,
        Answers answers,
        DecisionTime decisionTime,
        List<Backlog> backlog,
        List<Bar> declineReasons,
        List<Participation> participation,
        @Nullable Double implementationRate,
        List<Benefit> benefit,
        List<MonthRate> implementationByMonth) {

    /**
     * The department ideas are counted under when none travelled with them: an anonymous idea from a
     * department of fewer than k people, or a submitter the directory does not know. The JSON and the
     * CSV carry it as it is; the page names it in the reader's language.
     */
    public static final String UNKNOWN_DEPARTMENT = "—";

    /**
     * The benefit of the implemented ideas of one department in one unit. Amounts are exact decimals
     * (JSON numbers as written, e.g. {@code 1250.5}).
     *
     * @param unit a configured benefit unit id
     * @param estimatedIdeas ideas implemented with an estimate in this unit
     * @param estimated the sum of those estimates
     * @param measuredIdeas ideas whose latest measurement is in this unit
     * @param measured the sum of each such idea's latest measurement (an idea measured at 30 and 90
     *        days counts once, with its 90-day figure)
     */
    public record Benefit(
            String department,
            String unit,
            long estimatedIdeas,
            BigDecimal estimated,
            long measuredIdeas,
            BigDecimal measured) {}

    /**
     * One month of the implementation rate.
     *
     * @param month the month of decision, {@code 2026-11} (UTC)
     * @param decided ideas decided that month (explored, declined or merged as duplicates)
     * @param implemented of those, how many have been implemented since
     * @param rate implemented ÷ decided; null when nothing was decided
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MonthRate(
            String month,
            long decided,
            long implemented,
            @Nullable Double rate,
            int bar) {}

    /** One labelled count; {@code share} of the chart's whole where that means something. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Bar(String key, long count, @Nullable Double share, int bar) {}

    /** Counts per week for one department or channel, aligned with {@link Dashboard#weeks()}. */
    public record Series(String key, List<Long> perWeek, long total, int bar) {}

    /**
     * @param onTime submitters answered within the deadline (never escalated)
     * @param late submitters answered after the deadline
     * @param share onTime ÷ (onTime + late)
     * @param overdueNow undecided ideas past their deadline right now
     * @param breached deadlines missed and escalated so far
     * @param onTimeBar the on-time bar's length, 0–100
     * @param lateBar the late bar's length, 0–100
     * @param unsent decided ideas whose lifecycle event can never be published (an open outbox dead
     *        letter): their submitters were not told, so they count as unanswered until an
     *        administrator acts on {@code /admin/outbox}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answers(
            long onTime,
            long late,
            @Nullable Double share,
            long overdueNow,
            long breached,
            int onTimeBar,
            int lateBar,
            long unsent) {}

    /**
     * Hours from submission to decision, read from a bucketed histogram: each figure is the upper
     * bound of its bucket; {@code beyond} means more than that.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DecisionTime(
            long decided,
            @Nullable Long medianWithinHours,
            boolean medianBeyond,
            @Nullable Long p90WithinHours,
            boolean p90Beyond,
            List<Bar> histogram) {}

    /** An owner's undecided ideas and the age of the oldest, in days. */
    public record Backlog(String ownerId, String ownerName, long open, long oldestAgeDays, int bar) {}

    /**
     * @param distinctSubmitters named people of the department who submitted at least one idea
     * @param ideas ideas from the department, anonymous ones included
     * @param rate distinctSubmitters ÷ headcount
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Participation(
            String department,
            long headcount,
            long distinctSubmitters,
            long ideas,
            @Nullable Double rate,
            int bar) {}
}
