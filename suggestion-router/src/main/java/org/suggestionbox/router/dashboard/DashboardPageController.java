package org.suggestionbox.router.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.suggestionbox.platform.directory.Role;
import org.suggestionbox.platform.security.DirectoryUser;
import org.suggestionbox.platform.web.PageController;
import org.suggestionbox.platform.web.PageErrorViews;

/** The leadership dashboard page: charts drawn on the server (inline SVG and CSS bars), each with its table. */
@Controller
class DashboardPageController implements PageController {

    private final DashboardService dashboards;
    private final PageErrorViews errorPages;

    DashboardPageController(DashboardService dashboards, PageErrorViews errorPages) {
        this.dashboards = dashboards;
        this.errorPages = errorPages;
    }

    @GetMapping("/dashboard")
    String dashboard(@AuthenticationPrincipal DirectoryUser user, Model model, HttpServletResponse response) {
        if (!DashboardService.mayView(user.person())) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return errorPages.explain(model, HttpStatus.FORBIDDEN, "dashboard.forbidden");
        }
        Dashboard dashboard = dashboards.dashboard();
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("unknownDepartment", Dashboard.UNKNOWN_DEPARTMENT);
        model.addAttribute("canExport", user.person().hasRole(Role.LEADER));
        model.addAttribute(
                "weeklyMax",
                dashboard.weeklyTotals().stream()
                        .mapToLong(Dashboard.Bar::count)
                        .max()
                        .orElse(0));
        return "dashboard";
    }
}
