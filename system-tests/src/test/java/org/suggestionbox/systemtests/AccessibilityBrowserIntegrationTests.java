package org.suggestionbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every page passes axe-core's automated checks (WCAG 2.1 A and AA, and axe's best practices: one main landmark,
 * a level-one heading, labelled controls, contrast, valid ARIA), in English and in Hebrew, on a desktop and 320 px
 * wide, opened as the person who uses it ({@link Axe}). Automated checks find only part of what people meet; the rest is what the other browser
 * tests (focus, error summaries, direction) and a person with a screen reader find.
 */
@BrowserTest
class AccessibilityBrowserIntegrationTests {

    private static final int DESKTOP = 0;

    @Test
    void everyPagePassesTheAutomatedAccessibilityChecksInEnglishAndHebrew(RunningStack stack, Browser browser) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String ideaId = Ideas.submitAndAwaitQueue(
                stack,
                "alice",
                Map.of(
                        "title", "Quieter headsets for the night shift " + tag,
                        "description", "The old headsets hiss; customers ask us to repeat ourselves.",
                        "category", "customer-experience"),
                "maya");
        JsonNode anonymous = Ideas.submit(
                stack,
                "noa",
                Map.of(
                        "title",
                        "A shared calendar for the quiet room " + tag,
                        "description",
                        "Nobody knows when it is free.",
                        "category",
                        "workplace",
                        "anonymous",
                        true));

        // who opens which pages: null opens them signed out
        Map<@Nullable String, List<String>> pages = new LinkedHashMap<>();
        pages.put(
                "maya",
                List.of(
                        stack.routerUrl() + "/queue",
                        stack.routerUrl() + "/ideas/" + ideaId,
                        stack.routerUrl() + "/my-ideas",
                        stack.routerUrl() + "/ideas",
                        stack.routerUrl() + "/ideas?view=implemented",
                        stack.intakeUrl() + "/ideas/new",
                        stack.notifierUrl() + "/inbox",
                        stack.notifierUrl() + "/preferences",
                        stack.routerUrl() + "/no-such-page",
                        // a page the router refuses with its reason: the dashboard is not an owner's
                        stack.routerUrl() + "/dashboard"));
        pages.put("lea", List.of(stack.routerUrl() + "/dashboard"));
        pages.put("admin", List.of(stack.routerUrl() + "/admin/outbox"));
        pages.put(
                null,
                List.of(
                        stack.signInUrl() + "/login",
                        // the provider's own page for a request its firewall refuses
                        stack.signInUrl() + "/login;x=1",
                        anonymous.path("trackingUrl").asString(),
                        stack.routerUrl() + "/track/no-such-link",
                        stack.routerUrl() + "/signed-out"));

        List<String> violations = new ArrayList<>();
        pages.forEach((person, urls) -> {
            browser.fresh();
            if (person != null) {
                browser.openSignedIn(urls.getFirst(), person);
            }
            // on a desktop, then 320 px wide, where the dashboard's tables scroll inside their boxes
            for (int width : List.of(DESKTOP, Browser.NARROWEST)) {
                if (width == Browser.NARROWEST) {
                    browser.phone(Browser.NARROWEST);
                }
                for (String url : urls) {
                    for (String lang : List.of("en", "he")) {
                        browser.get(url + (url.contains("?") ? "&" : "?") + "lang=" + lang);
                        violations.addAll(Axe.violations(
                                browser,
                                "%s in %s as %s, %s"
                                        .formatted(
                                                url,
                                                lang,
                                                person == null ? "nobody" : person,
                                                width == DESKTOP ? "desktop" : width + " px")));
                    }
                }
            }
        });
        assertThat(violations).isEmpty();
    }
}
