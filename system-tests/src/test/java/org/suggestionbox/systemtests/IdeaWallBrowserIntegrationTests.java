package org.suggestionbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue #14 in a real browser, in English and Hebrew, 1280 px and 375 px wide: the idea wall lists a
 * colleague's idea without her name, search finds it by a word, "me too" on the wall and on the idea page
 * changes its count, the owner records the impact when implementing it, and a leader's CSV export comes
 * down with the UTF-8 byte order mark. Also takes the README's screenshots of the wall and "You said, we did".
 */
@BrowserTest
class IdeaWallBrowserIntegrationTests {

    private static final Duration PIPELINE = Duration.ofSeconds(60);

    /** The README's screenshots show the top of the page: its own ideas, newest first. */
    private static final int README_SCREENSHOT_HEIGHT = 1800;

    @ParameterizedTest(name = "{0} at {1} px")
    @CsvSource({"en, 1280", "he, 1280", "en, 375", "he, 375"})
    void aColleagueFindsAnIdeaOnTheWallBySearchAndSaysMeToo(
            String lang, int width, RunningStack stack, Browser browser) {
        String word = "zq" + UUID.randomUUID().toString().substring(0, 6);
        String ideaId = submit(stack, "alice", "Standing desks in the " + word + " corner", "workplace", "COMPANY");

        browser.openSignedIn(stack.routerUrl() + "/ideas?lang=" + lang, "piotr");
        sized(browser, width);
        // the wall, newest first: alice's idea is there, without her name (COMPANY)
        await().atMost(PIPELINE).untilAsserted(() -> {
            browser.get(stack.routerUrl() + "/ideas?lang=" + lang);
            assertThat(card(browser, ideaId)).hasSize(1);
        });
        assertThat(browser.htmlAttribute("dir")).isEqualTo("he".equals(lang) ? "rtl" : "ltr");
        assertThat(card(browser, ideaId).getFirst().getText()).doesNotContain("Alice");
        assertFits(browser, width);

        // search: the word finds it, and only what has the word
        WebElement query = browser.find("wall-query");
        query.clear();
        query.sendKeys(word);
        assertThat(query.getCssValue("direction"))
                .as("a Latin search word, in Hebrew too")
                .isEqualTo("ltr");
        query.submit();
        browser.waitUntil(driver -> driver.getCurrentUrl().contains("query=" + word));
        assertThat(browser.driver().findElements(By.cssSelector("article.wall-item")))
                .extracting(item -> item.getDomAttribute("data-idea-id"))
                .containsExactly(ideaId);
        assertFits(browser, width);

        // "me too" on the wall: the count goes from none to one
        String before = supportCount(card(browser, ideaId).getFirst());
        card(browser, ideaId)
                .getFirst()
                .findElement(By.cssSelector(".support form button"))
                .click();
        browser.waitUntil(
                driver -> !supportCount(card(browser, ideaId).getFirst()).equals(before));
        assertThat(Api.as("piotr")
                        .get(stack.routerUrl() + "/api/ideas/" + ideaId)
                        .json()
                        .path("supportCount")
                        .asInt())
                .isEqualTo(1);

        // on the idea page: take it back, the count drops; say it again, it comes back
        browser.get(stack.routerUrl() + "/ideas/" + ideaId + "?lang=" + lang);
        WebElement support = browser.await("idea-support");
        String supported = support.findElement(By.className("support-count")).getText();
        support.findElement(By.cssSelector("form button")).click();
        browser.waitUntil(driver -> !driver.findElement(By.cssSelector("#idea-support .support-count"))
                .getText()
                .equals(supported));
        assertThat(Api.as("piotr")
                        .get(stack.routerUrl() + "/api/ideas/" + ideaId)
                        .json()
                        .path("supportCount")
                        .asInt())
                .isZero();
        browser.find("idea-support").findElement(By.cssSelector("form button")).click();
        browser.waitUntil(driver -> driver.findElement(By.cssSelector("#idea-support .support-count"))
                .getText()
                .equals(supported));
        assertFits(browser, width);
    }

    @ParameterizedTest(name = "{0} at {1} px")
    @CsvSource({"en, 1280", "he, 1280", "en, 375", "he, 375"})
    void theOwnerSaysWhatChangedWhenSheMarksAnIdeaImplemented(
            String lang, int width, RunningStack stack, Browser browser) {
        String ideaId = submit(stack, "alice", "Callback instead of hold music", "customer-experience", "COMPANY");
        startProgress(stack, ideaId);

        browser.openSignedIn(stack.routerUrl() + "/ideas/" + ideaId + "?lang=" + lang, "maya");
        sized(browser, width);
        browser.get(stack.routerUrl() + "/ideas/" + ideaId + "?lang=" + lang);
        browser.await("status-form");
        assertFits(browser, width);

        // implemented without saying what changed: refused, the impact fields marked
        new Select(browser.find("status")).selectByValue("IMPLEMENTED");
        browser.find("note").sendKeys("Live on all lines since Monday.");
        browser.clickToNextPage("status-button");
        browser.await("status-error");
        browser.waitUntil(driver ->
                "status-error".equals(driver.switchTo().activeElement().getDomAttribute("id")));
        assertThat(browser.find("impactSummary").getDomAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.find("idea-state").getDomAttribute("data-state")).isNotEqualTo("IMPLEMENTED");
        assertFits(browser, width);

        // with what changed, the estimated benefit and a unit from the list, it is implemented
        new Select(browser.find("status")).selectByValue("IMPLEMENTED");
        browser.find("note").clear();
        browser.find("note").sendKeys("Live on all lines since Monday.");
        browser.find("impactSummary").sendKeys("Customers choose a callback instead of waiting on hold.");
        browser.find("impactAmount").sendKeys("40");
        new Select(browser.find("impactUnit")).selectByValue("hours-saved-per-month");
        browser.find("thankYouNote").sendKeys("Thank you, Alice: the queue is calmer already.");
        browser.clickToNextPage("status-button");
        browser.waitUntil(driver ->
                "IMPLEMENTED".equals(driver.findElement(By.id("idea-state")).getDomAttribute("data-state")));
        assertThat(browser.find("impact-estimated").getText())
                .contains("40")
                .contains("Customers choose a callback instead of waiting on hold.");
        // the note under its own name, not the form's "(optional)" label, in its own direction in a Hebrew page
        WebElement thanks = browser.find("impact-thanks");
        assertThat(thanks.getText()).isEqualTo("Thank you, Alice: the queue is calmer already.");
        assertThat(thanks.getCssValue("direction")).isEqualTo("ltr");
        assertThat(thanks.findElement(By.xpath("preceding-sibling::dt[1]")).getText())
                .isNotBlank()
                .doesNotContain("(");
        assertFits(browser, width);
    }

    @ParameterizedTest(name = "{0} at {1} px")
    @CsvSource({"en, 1280", "he, 1280", "en, 375", "he, 375"})
    void aLeaderDownloadsTheIdeasAsCsvWithAByteOrderMark(String lang, int width, RunningStack stack, Browser browser) {
        submit(stack, "alice", "=SUM(A1:A9) looks like a formula", "operations", "COMPANY");

        browser.openSignedIn(stack.routerUrl() + "/dashboard?lang=" + lang, "lea");
        sized(browser, width);
        browser.get(stack.routerUrl() + "/dashboard?lang=" + lang);
        assertFits(browser, width);

        for (String link : List.of("export-ideas", "export-dashboard")) {
            WebElement download = browser.await(link);
            assertThat(download.getDomAttribute("download")).as(link).isNotNull();
            // what the link downloads with the browser's own session: the first bytes and the headers
            Object fetched = browser.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0], {credentials: 'same-origin'})
                        .then(response => response.arrayBuffer().then(body => done({
                            status: response.status,
                            type: response.headers.get('Content-Type'),
                            disposition: response.headers.get('Content-Disposition'),
                            head: Array.from(new Uint8Array(body.slice(0, 3))),
                            text: new TextDecoder().decode(body)})))
                        .catch(error => done({status: -1, type: String(error)}));
                    """, download.getDomProperty("href"));
            assertThat(fetched).isInstanceOf(Map.class);
            Map<?, ?> response = (Map<?, ?>) fetched;
            assertThat(response.get("status")).as(link).isEqualTo(200L);
            assertThat((String) response.get("type")).as(link).startsWith("text/csv");
            assertThat((String) response.get("disposition")).as(link).startsWith("attachment");
            assertThat(response.get("head")).as(link + ": the UTF-8 BOM").isEqualTo(List.of(0xEFL, 0xBBL, 0xBFL));
            if ("export-ideas".equals(link)) {
                assertThat((String) response.get("text"))
                        .as("a formula-like title is neutralised")
                        .contains("'=SUM(A1:A9) looks like a formula")
                        .doesNotContain(",=SUM(");
            }
        }
    }

    @Test
    void screenshotsOfTheWallAndYouSaidWeDid(RunningStack stack, Browser browser) {
        String password = submit(
                stack,
                "alice",
                "Self-service password reset on the intranet",
                "Half of the help desk's calls on Monday mornings are forgotten passwords; a reset page with the"
                        + " usual second factor would let people help themselves.",
                "operations",
                "COMPANY_NAMED");
        String callbacks = submit(
                stack,
                "piotr",
                "Offer a callback slot instead of hold music",
                "Customers wait up to twenty minutes on hold at lunchtime. Let them pick a time and call them back.",
                "customer-experience",
                "COMPANY");
        String quiet = submit(
                stack,
                "noa",
                "חדר שקט לשיחות עם לקוחות",
                "באזור הפתוח קשה לשמוע לקוחות בטלפון. חדר קטן עם דלת ואוזניות טובות יעזור לכולם.",
                "workplace",
                "COMPANY");
        String labels = submit(
                stack,
                "piotr",
                "Print pick lists sorted by aisle",
                "Pick lists come in order number order, so pickers cross the warehouse again and again.",
                "operations",
                "COMPANY_NAMED");
        for (String supporter : List.of("noa", "piotr", "lea")) {
            Api.as(supporter).post(stack.routerUrl() + "/api/ideas/" + password + "/support", Map.of());
        }
        Api.as("alice").post(stack.routerUrl() + "/api/ideas/" + quiet + "/support", Map.of());
        Api.as("alice").post(stack.routerUrl() + "/api/ideas/" + labels + "/support", Map.of());
        implement(
                stack,
                owner(stack, password),
                password,
                "Staff reset their own passwords; the help desk gets fewer calls.",
                "30",
                "hours-saved-per-month");
        implement(
                stack,
                owner(stack, callbacks),
                callbacks,
                "Callers book a slot and are called back within the hour.",
                "6",
                "csat-points");
        implement(
                stack,
                owner(stack, labels),
                labels,
                "Pickers walk each aisle once per list.",
                "12500",
                "money-per-year");

        browser.openSignedIn(stack.routerUrl() + "/ideas", "noa");
        for (String lang : List.of("en", "he")) {
            browser.get(stack.routerUrl() + "/ideas?lang=" + lang);
            assertThat(card(browser, password)).hasSize(1);
            browser.screenshotTop("idea-wall-" + lang, README_SCREENSHOT_HEIGHT);
        }
        browser.get(stack.routerUrl() + "/ideas?view=implemented&lang=en");
        assertThat(card(browser, password)).hasSize(1);
        assertThat(card(browser, quiet)).isEmpty();
        assertThat(card(browser, password)
                        .getFirst()
                        .findElement(By.className("impact-figure"))
                        .getText())
                .isEqualTo("30 hours saved a month");
        browser.screenshotTop("you-said-we-did-en", README_SCREENSHOT_HEIGHT);
    }

    private static List<WebElement> card(Browser browser, String ideaId) {
        return browser.driver().findElements(By.cssSelector("article.wall-item[data-idea-id='" + ideaId + "']"));
    }

    private static String supportCount(WebElement card) {
        return card.findElement(By.className("support-count")).getText();
    }

    private static void sized(Browser browser, int width) {
        if (width < 1280) {
            browser.phone(width);
        }
    }

    private static void assertFits(Browser browser, int width) {
        assertThat(browser.pageWidth())
                .as("%s is no wider than %d px", browser.driver().getCurrentUrl(), width)
                .isLessThanOrEqualTo(width);
    }

    private static String submit(RunningStack stack, String person, String title, String category, String visibility) {
        return submit(
                stack,
                person,
                title,
                "Colleagues asked for it in the last survey; it would save everyone time every week.",
                category,
                visibility);
    }

    private static String submit(
            RunningStack stack, String person, String title, String description, String category, String visibility) {
        Api.Response submitted = Api.as(person)
                .post(
                        stack.intakeUrl() + "/api/ideas",
                        Map.of(
                                "title",
                                title,
                                "description",
                                description,
                                "category",
                                category,
                                "visibility",
                                visibility));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String ideaId = submitted.json().path("id").asString();
        await().atMost(PIPELINE)
                .untilAsserted(() -> assertThat(Api.as("lea")
                                .get(stack.routerUrl() + "/api/ideas/" + ideaId)
                                .json()
                                .path("owner")
                                .path("id")
                                .asString())
                        .isNotBlank());
        return ideaId;
    }

    private static String owner(RunningStack stack, String ideaId) {
        return Api.as("lea")
                .get(stack.routerUrl() + "/api/ideas/" + ideaId)
                .json()
                .path("owner")
                .path("id")
                .asString();
    }

    /** Explored, then in progress: an idea can be implemented from there. */
    private static void startProgress(RunningStack stack, String ideaId) {
        startProgress(stack, owner(stack, ideaId), ideaId);
    }

    private static void startProgress(RunningStack stack, String owner, String ideaId) {
        explore(stack, owner, ideaId);
        Api.Response started = ownerPost(
                owner,
                stack.routerUrl() + "/api/ideas/" + ideaId + "/status",
                Map.of("status", "IN_PROGRESS", "note", "Trying it with one team."));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
    }

    private static void explore(RunningStack stack, String owner, String ideaId) {
        Api.Response explored = ownerPost(
                owner,
                stack.routerUrl() + "/api/ideas/" + ideaId + "/decision",
                Map.of(
                        "outcome",
                        "EXPLORE",
                        "explanation",
                        "A good fit for this quarter.",
                        "nextStep",
                        "Try it with one team first.",
                        "expectedBy",
                        LocalDate.now().plusDays(30).toString()));
        assertThat(explored.status()).as(explored.body()).isEqualTo(200);
    }

    private static void implement(
            RunningStack stack, String owner, String ideaId, String summary, String amount, String unit) {
        startProgress(stack, owner, ideaId);
        Api.Response implemented = ownerPost(
                owner,
                stack.routerUrl() + "/api/ideas/" + ideaId + "/status",
                Map.of(
                        "status",
                        "IMPLEMENTED",
                        "note",
                        "Rolled out to everyone.",
                        "impact",
                        Map.of("summary", summary, "amount", amount, "unit", unit),
                        "thankYouNote",
                        "Thank you for the idea!"));
        assertThat(implemented.status()).as(implemented.body()).isEqualTo(200);
    }

    /**
     * An owner's action through the API, sent again while it meets a concurrent change of the idea (409
     * "changed meanwhile", e.g. the answer's delivery being recorded): a refused change was not made.
     */
    private static Api.Response ownerPost(String owner, String url, Object body) {
        return await().atMost(PIPELINE)
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> Api.as(owner).post(url, body),
                        response -> !response.body().contains("Changed meanwhile"));
    }
}
