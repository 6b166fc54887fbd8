package org.suggestionbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The polish found by trying the pages in a browser (#14, item 7): a refused form is focused at its error
 * summary with the invalid fields marked, history speaks the page's language, each role lands where it
 * works and sees only the menu entries it can use, the merge picker finds the original by its words, every
 * page reflows into a 320 px screen in English and Hebrew with its words whole, the dashboard's weekly chart runs
 * the way its table and the page read, a form sent after the sign-in ended says so and hands back what was written,
 * and every service serves an icon.
 */
@BrowserTest
class PagePolishBrowserIntegrationTests {

    private static final int PHONE = 375;

    @Test
    void aRefusedDecisionFocusesItsErrorSummaryAndMarksTheInvalidFields(RunningStack stack, Browser browser) {
        String ideaId = submitAsAliceAndAwaitMayasQueue(stack, "Quieter printers");
        browser.openSignedIn(stack.routerUrl() + "/ideas/" + ideaId, "maya");
        browser.await("decision-form");

        browser.find("outcome-decline").click();
        browser.clickToNextPage("decide-button");

        WebElement summary = browser.await("decision-error");
        browser.waitUntil(driver ->
                "decision-error".equals(driver.switchTo().activeElement().getDomAttribute("id")));
        // the focused summary is scrolled into view
        browser.waitUntil(driver -> Boolean.TRUE.equals(browser.script(
                "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;",
                summary)));
        for (String field : List.of("reasonCode", "explanation")) {
            WebElement input = browser.find(field);
            assertThat(input.getDomAttribute("aria-invalid")).as(field).isEqualTo("true");
            String describedBy = input.getDomAttribute("aria-describedby");
            assertThat(describedBy).as(field).isEqualTo(field + "-error");
            assertThat(browser.find(describedBy).getText()).as(field).isNotBlank();
        }
        assertThat(browser.find("nextStep").getDomAttribute("aria-invalid")).isNull();
        assertThat(Axe.violations(browser, "the refused decision")).isEmpty();
        browser.screenshot("router-decision-error-focused-en");
    }

    @Test
    void aDecisionSentAfterTheSignInEndedSaysSoAndHandsBackWhatWasWritten(RunningStack stack, Browser browser) {
        String ideaId = submitAsAliceAndAwaitMayasQueue(stack, "A form that outlives its sign-in");
        String ideaPage = stack.routerUrl() + "/ideas/" + ideaId;
        for (String lang : List.of("en", "he")) {
            browser.openSignedIn(ideaPage + "?lang=" + lang, "maya");
            browser.await("decision-form");
            browser.find("outcome-decline").click();
            new Select(browser.find("reasonCode")).selectByValue("NOT_FEASIBLE");
            String explanation = "Written slowly over a long meeting (" + lang + "), while the sign-in ran out.";
            browser.find("explanation").sendKeys(explanation);
            // the router no longer knows the session the form was shown in: a time-out, or the router restarted
            browser.driver().manage().deleteCookieNamed("SB_ROUTER_SESSION");
            browser.clickToNextPage("decide-button");

            // not "your role does not open this page": what happened, what was written, and the way back
            assertThat(browser.await("error-title").getText())
                    .isEqualTo(lang.equals("he") ? "פג תוקף הכניסה שלך" : "Your sign-in had ended");
            assertThat(browser.htmlAttribute("dir")).isEqualTo(lang.equals("he") ? "rtl" : "ltr");
            // its links carried the new session's id (";SB_ROUTER_SESSION=…"), which the firewall refuses
            assertThat((Boolean)
                            browser.script("return [...document.styleSheets].some(sheet => sheet.cssRules.length > 0)"))
                    .as("the page's style sheet loaded")
                    .isTrue();
            assertThat(browser.driver().findElements(By.cssSelector("#error-written textarea")))
                    .extracting(written -> written.getDomProperty("value"))
                    .containsExactly(explanation);
            assertThat(Axe.violations(browser, "the page of a form sent after the sign-in ended, " + lang))
                    .isEmpty();
            browser.clickToNextPage("error-again");
            // signed in again without a question (the provider still knows her), on the idea's page, nothing decided
            browser.await("decision-form");
            assertThat(browser.driver().getCurrentUrl()).startsWith(ideaPage);
        }
        assertThat(Api.as("maya")
                        .get(stack.routerUrl() + "/api/ideas/" + ideaId)
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("ASSIGNED");
    }

    @Test
    void historyLinesSpeakHebrewOnMyIdeas(RunningStack stack, Browser browser) {
        String ideaId = submitAsAliceAndAwaitMayasQueue(stack, "Fewer fields on the refund form");
        Api.Response declined = Api.as("maya")
                .post(
                        stack.routerUrl() + "/api/ideas/" + ideaId + "/decision",
                        Map.of(
                                "outcome",
                                "DECLINE",
                                "reasonCode",
                                "NOT_FEASIBLE",
                                "explanation",
                                "The refund form is prescribed by the payment provider."));
        assertThat(declined.status()).as(declined.body()).isEqualTo(200);

        browser.openSignedIn(stack.routerUrl() + "/my-ideas?lang=he", "alice");
        String card = browser.driver()
                .findElement(By.cssSelector("article[data-idea-id='" + ideaId + "']"))
                .getText();

        assertThat(browser.htmlAttribute("dir")).isEqualTo("rtl");
        assertThat(card)
                .contains("לא ישים") // NOT_FEASIBLE as words
                .contains("The refund form is prescribed by the payment provider.")
                .contains("הכלל \u2068cx-owner\u2069 חל") // routed because, in Hebrew, the rule isolated
                .doesNotContain("NOT_FEASIBLE")
                .doesNotContain("matched rule");
        // what people typed runs in its own direction inside the right-to-left page (its full stop stays at its end)
        String article = "article[data-idea-id='" + ideaId + "'] ";
        assertThat(browser.driver()
                        .findElement(By.cssSelector(article + ".notice strong"))
                        .getText())
                .as("the decision as taken (declined), not the owner's choice to decline")
                .isEqualTo("נדחה");
        assertThat(directionOf(browser, article + "h2 a")).as("the title").isEqualTo("ltr");
        assertThat(directionOf(browser, article + ".notice p"))
                .as("the explanation")
                .isEqualTo("ltr");
        List<WebElement> historyLines = browser.driver().findElements(By.cssSelector(article + "li .hint"));
        assertThat(historyLines)
                .extracting(line -> line.getText() + " " + line.getCssValue("direction"))
                .contains("The refund form is prescribed by the payment provider. ltr")
                .anyMatch(line -> line.startsWith("הכלל \u2068cx-owner\u2069 חל") && line.endsWith(" rtl"));
        browser.screenshot("router-my-ideas-history-he");
    }

    @Test
    void anUnknownAddressAndAPageTheRoleDoesNotOpenAnswerInHebrewInTheLayout(RunningStack stack, Browser browser) {
        browser.openSignedIn(stack.routerUrl() + "/no-such-page", "noa");
        assertThat(browser.htmlAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.await("error-title").getText()).isEqualTo("לא מצאנו את הדף הזה");
        assertThat(browser.driver().findElements(By.cssSelector("nav.topbar"))).hasSize(1);
        assertThat(browser.driver().getPageSource()).doesNotContain("Whitelabel");
        browser.screenshot("router-not-found-he");

        browser.get(stack.routerUrl() + "/admin/outbox");
        assertThat(browser.await("error-title").getText()).isEqualTo("הדף הזה אינו פתוח בפניך");
    }

    @Test
    void anUnknownAddressAnswersInEnglishWithAWayBack(RunningStack stack, Browser browser) {
        browser.openSignedIn(stack.notifierUrl() + "/no-such-page", "alice");
        assertThat(browser.htmlAttribute("dir")).isEqualTo("ltr");
        assertThat(browser.await("error-title").getText()).isEqualTo("We cannot find this page");
        browser.clickToNextPage("error-home");
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(stack.notifierUrl() + "/inbox");
        browser.screenshot("notifier-not-found-back-en");
    }

    @Test
    void aLinkToAnIdeaCutShortIsAPageNotFound(RunningStack stack, Browser browser) throws Exception {
        String ideaId = submitAsAliceAndAwaitMayasQueue(stack, "A link copied out of a mail");
        // most of the id lost where a mail broke the line: no id at all, not a request the page cannot take
        String cutShort = stack.routerUrl() + "/ideas/" + ideaId.substring(0, 13);
        browser.openSignedIn(cutShort, "alice");
        assertThat(browser.await("error-title").getText()).isEqualTo("We cannot find this page");
        HttpRequest.Builder asABrowser =
                HttpRequest.newBuilder(URI.create(cutShort)).header("Accept", "text/html");
        new BasicCredentials().headers("alice", "").forEach(asABrowser::header);
        HttpResponse<String> answer =
                HttpClient.newHttpClient().send(asABrowser.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(404);
        // the API keeps its 400 with problem details: a program sent something that is no id
        assertThat(Api.as("alice")
                        .get(stack.routerUrl() + "/api/ideas/" + ideaId.substring(0, 13))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void eachRoleLandsWhereItWorksAndSeesOnlyTheMenuEntriesItCanUse(RunningStack stack, Browser browser) {
        browser.openSignedIn(stack.routerUrl() + "/my-ideas", "alice");
        for (String page : List.of(
                stack.routerUrl() + "/my-ideas", stack.intakeUrl() + "/ideas/new", stack.notifierUrl() + "/inbox")) {
            browser.get(page);
            browser.await("main");
            assertThat(menuEntries(browser)).as(page).isEmpty();
            assertThat(browser.driver().findElements(By.id("nav-wall")))
                    .as(page)
                    .hasSize(1);
        }
        browser.get(stack.routerUrl() + "/");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/my-ideas");

        assertLandsAt(stack, "maya", "/queue", List.of("nav-queue"));
        assertLandsAt(stack, "lea", "/dashboard", List.of("nav-dashboard"));
        try (Browser admin = Browser.open()) {
            admin.openSignedIn(stack.notifierUrl() + "/inbox", "admin");
            assertThat(menuEntries(admin)).contains("nav-admin", "nav-dashboard");
        }
    }

    @Test
    void theOwnerPicksTheOriginalOfADuplicateByItsWords(RunningStack stack, Browser browser) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String original = submitAsAliceAndAwaitMayasQueue(stack, "Callback slots for customers " + tag);
        String duplicate = submitAsAliceAndAwaitMayasQueue(stack, "Let customers book a callback " + tag);
        browser.openSignedIn(stack.routerUrl() + "/ideas/" + duplicate, "maya");
        browser.await("merge-form");
        assertThat(browser.driver().findElements(By.cssSelector("#merge-form input[type=text]")))
                .as("no id to type")
                .isEmpty();

        // the search box is a plain GET form: the page comes back with what matches
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            WebElement search = browser.find("mergeQuery");
            search.clear();
            search.sendKeys("callback slots " + tag);
            browser.clickToNextPage("merge-search-button");
            assertThat(browser.await("merge-form").findElements(By.id("original-" + original)))
                    .hasSize(1);
        });
        assertThat(browser.driver().getCurrentUrl()).contains("mergeQuery=");
        assertThat(browser.driver().findElements(By.id("original-" + duplicate)))
                .isEmpty();
        browser.screenshot("router-merge-picker-en");

        browser.find("original-" + original).click();
        browser.find("merge-note").sendKeys("Same wish, said twice.");
        browser.clickToNextPage("merge-button");
        browser.waitUntil(driver ->
                "MERGED".equals(driver.findElement(By.id("idea-state")).getDomAttribute("data-state")));
    }

    @Test
    void everyPageReflowsIntoA320PixelScreenInEnglishAndHebrewWithItsWordsWhole(RunningStack stack, Browser browser) {
        // a path in the title is wider than a card on a phone: it breaks where it must, and that does not count
        String ideaId = submitAsAliceAndAwaitMayasQueue(stack, "A phone-sized page for /api/ideas/{id}/merge");
        List<String> mayasPages = List.of(
                stack.routerUrl() + "/queue",
                stack.routerUrl() + "/ideas/" + ideaId,
                stack.routerUrl() + "/my-ideas",
                stack.routerUrl() + "/ideas",
                stack.intakeUrl() + "/ideas/new",
                stack.notifierUrl() + "/inbox",
                stack.notifierUrl() + "/preferences");
        browser.openSignedIn(stack.routerUrl() + "/queue", "maya").phone(Browser.NARROWEST);
        assertReflows(browser, mayasPages, "maya");

        try (Browser leader = Browser.open()) {
            leader.openSignedIn(stack.routerUrl() + "/dashboard", "lea").phone(Browser.NARROWEST);
            assertReflows(leader, List.of(stack.routerUrl() + "/dashboard"), "lea");
            assertThat((Number) leader.script("""
                            const tracks = [...document.querySelectorAll('.bars .track')];
                            return tracks.length === 0 ? -1
                                : Math.min(...tracks.map(track => track.getBoundingClientRect().width));"""))
                    .as("the dashboard's narrowest bar, in CSS pixels")
                    .satisfies(width -> assertThat(width.doubleValue()).isGreaterThanOrEqualTo(40));
        }
        try (Browser admin = Browser.open()) {
            admin.openSignedIn(stack.routerUrl() + "/admin/outbox", "admin").phone(Browser.NARROWEST);
            assertReflows(admin, List.of(stack.routerUrl() + "/admin/outbox"), "admin");
        }
        JsonNode anonymous = Ideas.submit(
                stack,
                "noa",
                Map.of(
                        "title", "A booking calendar for the quiet room",
                        "description", "Nobody knows when it is free.",
                        "category", "customer-experience",
                        "anonymous", true));
        Ideas.awaitInQueue(stack, "maya", anonymous.path("id").asString());
        try (Browser signedOut = Browser.open()) {
            signedOut.phone(Browser.NARROWEST);
            signedOut.get(stack.signInUrl() + "/login");
            assertFitsTheNarrowest(signedOut, "sign-in page");
            // "The owner decides by 2026-12-20." ended a line inside the date
            assertReflows(
                    signedOut,
                    List.of(anonymous.path("trackingUrl").asString(), stack.routerUrl() + "/signed-out"),
                    "nobody signed in");

            // the local stack's mail viewer, where a newcomer reads the mail: the list, then one mail
            signedOut.get(stack.mailViewerUrl());
            assertFitsTheNarrowest(signedOut, "the mail viewer's list");
            signedOut
                    .driver()
                    .findElement(By.cssSelector("a[href^='/messages/']"))
                    .click();
            signedOut.await("subject");
            assertFitsTheNarrowest(signedOut, "a mail in the mail viewer");
        }
    }

    @Test
    void theSkipLinkWaitsInsideThePageAndShowsWhenTheKeyboardReachesItInBothDirections(
            RunningStack stack, Browser browser) {
        browser.openSignedIn(stack.routerUrl() + "/my-ideas", "alice").phone(PHONE);
        for (String lang : List.of("en", "he")) {
            browser.get(stack.routerUrl() + "/my-ideas?lang=" + lang);
            assertThat(skipLink(browser))
                    .as("the skip link in %s, waiting", lang)
                    .containsEntry("insideThePage", true)
                    .containsEntry("shown", false);
            browser.script("document.querySelector('a.skip').focus()");
            assertThat(skipLink(browser))
                    .as("the skip link in %s, focused", lang)
                    .containsEntry("insideThePage", true)
                    .containsEntry("shown", true);
        }
    }

    @Test
    void anEnglishTitleSitsAtTheStartOfAHebrewPageWhereverItIsShown(RunningStack stack, Browser browser) {
        String title = "Quieter headsets for the night shift "
                + UUID.randomUUID().toString().substring(0, 6);
        String ideaId = Ideas.submitAndAwaitQueue(
                stack,
                "alice",
                Map.of(
                        "title", title,
                        "description", "The old headsets hiss; customers ask us to repeat ourselves.",
                        "category", "customer-experience"),
                "maya");
        String anonymousTitle = "A shared calendar for the quiet room "
                + UUID.randomUUID().toString().substring(0, 6);
        String trackingUrl = Ideas.submit(
                        stack,
                        "noa",
                        Map.of(
                                "title",
                                anonymousTitle,
                                "description",
                                "Nobody knows when it is free.",
                                "category",
                                "workplace",
                                "anonymous",
                                true))
                .path("trackingUrl")
                .asString();
        browser.openSignedIn(stack.routerUrl() + "/my-ideas", "alice");
        Map<String, String> pages = Map.of(
                stack.routerUrl() + "/my-ideas?lang=he", title,
                stack.routerUrl() + "/ideas/" + ideaId + "?lang=he", title,
                trackingUrl + "?lang=he", anonymousTitle);
        for (Map.Entry<String, String> page : pages.entrySet()) {
            browser.get(page.getKey());
            browser.await("main");
            assertThat(titleLayout(browser, page.getValue()))
                    .as(page.getKey())
                    .containsEntry("titleReads", "ltr")
                    .containsEntry("headingRuns", "rtl")
                    .containsEntry("atTheHeadingsRightEdge", true);
        }
    }

    /** How a title is laid out in its heading: its own direction, the heading's, and which edge its words keep to. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> titleLayout(Browser browser, String title) {
        return (Map<String, Object>) browser.script("""
                const title = [...document.querySelectorAll('h1[dir=auto], h2[dir=auto], h1 [dir=auto], h2 [dir=auto]')]
                        .find(element => element.textContent.trim() === arguments[0]);
                const heading = title.closest('h1, h2');
                const words = document.createRange();
                words.selectNodeContents(title);
                return {
                    titleReads: getComputedStyle(title).direction,
                    headingRuns: getComputedStyle(heading).direction,
                    atTheHeadingsRightEdge:
                            Math.abs(heading.getBoundingClientRect().right - words.getBoundingClientRect().right) < 2
                };
                """, title);
    }

    /** Where the skip link is: within the page's width or beyond one of its edges, and large enough to read. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> skipLink(Browser browser) {
        return (Map<String, Object>) browser.script("""
                const box = document.querySelector('a.skip').getBoundingClientRect();
                return {
                    insideThePage: box.left >= 0 && box.right <= document.documentElement.clientWidth,
                    shown: box.width > 8 && box.height > 8
                };
                """);
    }

    @Test
    void aDateKeepsToOneLineOnAPhone(RunningStack stack, Browser browser) {
        submitAsAliceAndAwaitMayasQueue(stack, "Dates that keep together in a narrow column");
        browser.openSignedIn(stack.routerUrl() + "/queue", "maya").phone(PHONE);
        assertDatesKeepToOneLine(browser, stack.routerUrl() + "/queue", 1);

        try (Browser leader = Browser.open()) {
            leader.openSignedIn(stack.routerUrl() + "/dashboard", "lea").phone(PHONE);
            // the implementation rate's twelve months
            assertDatesKeepToOneLine(leader, stack.routerUrl() + "/dashboard", 12);
        }
    }

    @Test
    void theWeeklyChartRunsTheWayItsTableAndThePageRead(RunningStack stack, Browser browser) {
        submitAsAliceAndAwaitMayasQueue(stack, "A week on the chart");
        try (Browser leader = Browser.open()) {
            leader.openSignedIn(stack.routerUrl() + "/dashboard", "lea");
            for (String lang : List.of("en", "he")) {
                leader.get(stack.routerUrl() + "/dashboard?lang=" + lang);
                List<String> oldestFirst = weeks(leader, "#weekly-table thead th", false);
                List<String> chart = weeks(leader, "#weekly-chart text", true);
                assertThat(oldestFirst)
                        .as(
                                "the table's weeks, %s, on %s",
                                lang, leader.driver().getCurrentUrl())
                        .hasSizeGreaterThan(1);
                assertThat(chart)
                        .as("the chart's weeks from the left, " + lang)
                        .isEqualTo(weeks(leader, "#weekly-table thead th", true))
                        // the newest week where the page's lines end: on the right in English, on the left in Hebrew
                        .isEqualTo(lang.equals("he") ? oldestFirst.reversed() : oldestFirst);
            }
        }
    }

    /** The week labels ("W49") among the elements the selector finds, in the page's order or from the left. */
    @SuppressWarnings("unchecked")
    private static List<String> weeks(Browser browser, String selector, boolean fromTheLeft) {
        return (List<String>) browser.script("""
                const labels = [...document.querySelectorAll(arguments[0])]
                    .filter(label => /^W\\d+$/.test(label.textContent.trim()));
                if (arguments[1]) {
                    labels.sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left);
                }
                return labels.map(label => label.textContent.trim());""", selector, fromTheLeft);
    }

    @Test
    void theQueueReadsAsOneCardPerIdeaOnAPhone(RunningStack stack, Browser browser) {
        submitAsAliceAndAwaitMayasQueue(stack, "A queue that fits a manager's phone");
        browser.openSignedIn(stack.routerUrl() + "/queue", "maya").phone(PHONE);
        for (String lang : List.of("en", "he")) {
            browser.get(stack.routerUrl() + "/queue?lang=" + lang);
            browser.await("queue-table");
            assertThat(queueLayout(browser))
                    .as("the queue on a phone in %s", lang)
                    .containsEntry("hiddenWidth", 0L)
                    .containsEntry("titleAcrossTheCard", true)
                    .containsEntry("eachCellAfterItsColumnsName", true);
            browser.screenshot("router-queue-phone-" + lang);
        }
        browser.desktop();
        browser.get(stack.routerUrl() + "/queue?lang=en");
        browser.await("queue-table");
        assertThat(queueLayout(browser))
                .as("the queue on a desktop is a table with one header row")
                .containsEntry("titleAcrossTheCard", false)
                .containsEntry("eachCellAfterItsColumnsName", false);
    }

    /**
     * How the queue's table is laid out: how much of it is out of view sideways, whether an idea's title takes
     * the width of its row, and whether every other cell shows its column's name before its value.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> queueLayout(Browser browser) {
        return (Map<String, Object>) browser.script("""
                const table = document.getElementById('queue-table');
                const scroller = table.closest('.table-scroll');
                const names = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
                const rows = [...table.querySelectorAll('tbody tr')];
                return {
                  hiddenWidth: scroller.scrollWidth - scroller.clientWidth,
                  titleAcrossTheCard: rows.every(row =>
                      row.cells[0].getBoundingClientRect().width > 0.9 * row.getBoundingClientRect().width),
                  eachCellAfterItsColumnsName: rows.length > 0 && rows.every(row => [...row.cells].slice(1).every(
                      (cell, i) => getComputedStyle(cell, '::before').content === JSON.stringify(names[i + 1])))
                };""");
    }

    /** Each date on the page in English and Hebrew is laid out on one line ("2026-" and "12-20" if broken). */
    private static void assertDatesKeepToOneLine(Browser browser, String page, int atLeast) {
        for (String lang : List.of("en", "he")) {
            browser.get(page + "?lang=" + lang);
            browser.await("main");
            @SuppressWarnings("unchecked")
            List<String> dates = (List<String>) browser.script("""
                    return [...document.querySelectorAll('main time')]
                        .map(date => date.textContent.trim() + ' on ' + date.getClientRects().length + ' line(s)');""");
            assertThat(dates)
                    .as("%s in %s", page, lang)
                    .hasSizeGreaterThanOrEqualTo(atLeast)
                    .allSatisfy(date -> assertThat(date).endsWith(" on 1 line(s)"));
        }
    }

    @Test
    void aTableCellNeverBreaksAWordInTwoOnADesktop(RunningStack stack, Browser browser) {
        submitAsAliceAndAwaitMayasQueue(stack, "Fewer handovers between shifts");
        browser.openSignedIn(stack.routerUrl() + "/queue", "maya");
        for (String lang : List.of("en", "he")) {
            browser.get(stack.routerUrl() + "/queue?lang=" + lang);
            assertThat(browser.await("queue-table").findElements(By.cssSelector("td")))
                    .hasSizeGreaterThan(7);
            // body's "anywhere" would let a column squeeze "State" into "Stat" / "e"
            assertThat(browser.wordsBrokenAcrossLines())
                    .as("the queue in %s", lang)
                    .isEmpty();
        }
    }

    @Test
    void aWebhookAddressGetsTheFormsWidthWithItsHintBelowIt(RunningStack stack, Browser browser) {
        browser.openSignedIn(stack.notifierUrl() + "/preferences", "noa");
        for (String lang : List.of("en", "he")) {
            browser.get(stack.notifierUrl() + "/preferences?lang=" + lang);
            WebElement form = browser.await("preferences-form");
            for (String field : List.of("teamsWebhookUrl", "webhookUrl")) {
                WebElement label = browser.find(field).findElement(By.xpath("preceding-sibling::label"));
                WebElement input = browser.find(field);
                WebElement hint = browser.find(field + "-hint");
                assertThat(input.getDomAttribute("aria-describedby")).isEqualTo(field + "-hint");
                assertThat(input.getRect().getWidth())
                        .as("%s in %s is as wide as the form's fields", field, lang)
                        .isGreaterThan(form.getRect().getWidth() * 8 / 10);
                assertThat(input.getRect().getY())
                        .as("%s in %s under its label", field, lang)
                        .isGreaterThanOrEqualTo(
                                label.getRect().getY() + label.getRect().getHeight());
                assertThat(hint.getRect().getY())
                        .as("the hint of %s in %s under the field", field, lang)
                        .isGreaterThanOrEqualTo(
                                input.getRect().getY() + input.getRect().getHeight());
            }
        }
    }

    @Test
    void everyServiceServesAnIconWithoutSignInAndLetsBrowsersCacheIt(RunningStack stack)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (String service : List.of(stack.intakeUrl(), stack.routerUrl(), stack.notifierUrl(), stack.signInUrl())) {
            for (String icon : List.of("/favicon.ico", "/favicon.svg")) {
                HttpResponse<byte[]> response = http.send(
                        HttpRequest.newBuilder(URI.create(service + icon)).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(response.statusCode()).as(service + icon).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type"))
                        .as(service + icon)
                        .hasValueSatisfying(type -> assertThat(type).startsWith("image/"));
                assertThat(response.headers().firstValue("Cache-Control"))
                        .as(service + icon)
                        .hasValueSatisfying(cache -> assertThat(cache).contains("max-age="));
                assertThat(response.body()).as(service + icon).isNotEmpty();
            }
        }
    }

    private static String directionOf(Browser browser, String cssSelector) {
        return browser.driver().findElement(By.cssSelector(cssSelector)).getCssValue("direction");
    }

    private static void assertReflows(Browser browser, List<String> pages, String who) {
        for (String lang : List.of("en", "he")) {
            for (String page : pages) {
                browser.get(page + (page.contains("?") ? "&" : "?") + "lang=" + lang);
                browser.await("main");
                assertThat(browser.htmlAttribute("dir")).isEqualTo("he".equals(lang) ? "rtl" : "ltr");
                assertFitsTheNarrowest(browser, "%s as %s in %s".formatted(page, who, lang));
            }
        }
    }

    /** The page shown scrolls no wider than the narrowest screen and breaks no word across lines. */
    private static void assertFitsTheNarrowest(Browser browser, String what) {
        assertThat(browser.pageWidth())
                .as("%s scrolls no wider than the screen", what)
                .isLessThanOrEqualTo(Browser.NARROWEST);
        assertThat(browser.wordsBrokenAcrossLines())
                .as("%s breaks no word across lines", what)
                .isEmpty();
    }

    private static void assertLandsAt(RunningStack stack, String person, String path, List<String> entries) {
        try (Browser browser = Browser.open()) {
            browser.openSignedIn(stack.routerUrl() + "/my-ideas", person);
            browser.get(stack.routerUrl() + "/");
            browser.waitUntil(driver -> driver.getCurrentUrl().contains(path));
            assertThat(browser.driver().getCurrentUrl()).endsWith(path);
            assertThat(menuEntries(browser)).containsExactlyElementsOf(entries);
        }
    }

    /** The role-bound entries of the header's menu: queue, dashboard, admin. */
    private static List<String> menuEntries(Browser browser) {
        return browser.driver().findElements(By.cssSelector(".nav-links a[id]")).stream()
                .map(link -> link.getDomAttribute("id"))
                .filter(id -> !"nav-wall".equals(id))
                .toList();
    }

    private static String submitAsAliceAndAwaitMayasQueue(RunningStack stack, String title) {
        return Ideas.submitAndAwaitQueue(
                stack,
                "alice",
                Map.of(
                        "title",
                        title + " " + UUID.randomUUID().toString().substring(0, 6),
                        "description",
                        "Customers and agents asked for it on the last survey; it would save time.",
                        "category",
                        "customer-experience"),
                "maya");
    }
}
