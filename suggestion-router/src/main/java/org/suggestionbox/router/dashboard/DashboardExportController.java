package org.suggestionbox.router.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suggestionbox.platform.security.DirectoryUser;
import org.suggestionbox.router.export.Csv;
import org.suggestionbox.router.export.CsvDownload;

/**
 * {@code GET /api/export/dashboard.csv} (and {@code /export/dashboard.csv} for the signed-in browser): the
 * dashboard's figures as CSV, for leaders only. One record
 * per figure: {@code figure, department, key, count, of, amount} — e.g. {@code benefit-measured,
 * Logistics, hours-saved-per-month, 2, , 80.5} or {@code implementation-rate, , 2026-11, 3, 10, }.
 */
@RestController
class DashboardExportController {

    static final List<@Nullable String> HEADER = List.of("figure", "department", "key", "count", "of", "amount");

    private final DashboardService dashboards;

    DashboardExportController(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    /** The API path takes a bearer token; the page path, linked from the dashboard, the browser's session. */
    @GetMapping({"/api/export/dashboard.csv", "/export/dashboard.csv"})
    void dashboard(@AuthenticationPrincipal DirectoryUser user, HttpServletResponse response) throws IOException {
        CsvDownload.requireLeader(user.person());
        Dashboard dashboard = dashboards.dashboard();
        CsvDownload.attachment(
                response, "dashboard-" + LocalDate.ofInstant(dashboard.generatedAt(), ZoneOffset.UTC) + ".csv");
        try (Csv csv = Csv.on(response.getOutputStream())) {
            csv.row(HEADER);
            for (List<@Nullable String> row : rows(dashboard)) {
                csv.row(row);
            }
        }
    }

    static List<List<@Nullable String>> rows(Dashboard d) {
        List<List<@Nullable String>> rows = new ArrayList<>();
        for (Dashboard.Bar stage : d.funnel()) {
            rows.add(row("funnel", null, stage.key(), stage.count(), null, null));
        }
        for (Dashboard.Series department : d.submittedByDepartment()) {
            for (int i = 0; i < d.weeks().size(); i++) {
                rows.add(row(
                        "submitted-per-week",
                        department.key(),
                        d.weeks().get(i),
                        department.perWeek().get(i),
                        null,
                        null));
            }
        }
        Dashboard.Answers answers = d.answers();
        rows.add(row("answered", null, "ON_TIME", answers.onTime(), answers.onTime() + answers.late(), null));
        rows.add(row("answered", null, "LATE", answers.late(), answers.onTime() + answers.late(), null));
        rows.add(row("deadlines", null, "BREACHED", answers.breached(), null, null));
        rows.add(row("deadlines", null, "OVERDUE_NOW", answers.overdueNow(), null, null));
        for (Dashboard.Bar bucket : d.decisionTime().histogram()) {
            rows.add(row(
                    "decision-hours",
                    null,
                    bucket.key(),
                    bucket.count(),
                    d.decisionTime().decided(),
                    null));
        }
        for (Dashboard.Bar reason : d.declineReasons()) {
            rows.add(row("decline-reasons", null, reason.key(), reason.count(), null, null));
        }
        for (Dashboard.Participation participation : d.participation()) {
            rows.add(row(
                    "participation",
                    participation.department(),
                    "SUBMITTERS",
                    participation.distinctSubmitters(),
                    participation.headcount(),
                    null));
            rows.add(row("participation", participation.department(), "IDEAS", participation.ideas(), null, null));
        }
        for (Dashboard.Benefit benefit : d.benefit()) {
            rows.add(row(
                    "benefit-estimated",
                    benefit.department(),
                    benefit.unit(),
                    benefit.estimatedIdeas(),
                    null,
                    Csv.number(benefit.estimated())));
            rows.add(row(
                    "benefit-measured",
                    benefit.department(),
                    benefit.unit(),
                    benefit.measuredIdeas(),
                    null,
                    Csv.number(benefit.measured())));
        }
        for (Dashboard.MonthRate month : d.implementationByMonth()) {
            rows.add(row("implementation-rate", null, month.month(), month.implemented(), month.decided(), null));
        }
        return rows;
    }

    private static List<@Nullable String> row(
            String figure,
            @Nullable String department,
            String key,
            long count,
            @Nullable Long of,
            @Nullable String amount) {
        return Arrays.asList(
                figure, department, key, String.valueOf(count), of == null ? null : String.valueOf(of), amount);
    }
}
