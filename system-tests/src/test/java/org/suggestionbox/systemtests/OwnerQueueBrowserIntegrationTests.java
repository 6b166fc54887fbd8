package org.suggestionbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** An owner's queue and decision in a real browser: a decline needs a reason, then the idea is DECLINED. */
@BrowserTest
class OwnerQueueBrowserIntegrationTests {

    @Test
    void anOwnerDeclinesAnIdeaFromTheQueueOnlyWithAReason(RunningStack stack, Browser browser) {
        String title =
                "Headsets with noise cancelling " + UUID.randomUUID().toString().substring(0, 6);
        String ideaId = submitAsAliceAndAwaitMayasQueue(stack, title);

        browser.openSignedIn(stack.routerUrl() + "/queue", "maya");
        browser.await("queue-table");
        browser.screenshot("router-queue-en");
        browser.driver()
                .findElement(By.cssSelector("#queue-table tr[data-idea-id='" + ideaId + "'] a"))
                .click();
        browser.await("decision-form");
        assertThat(browser.driver().getPageSource()).contains(title);
        browser.screenshot("router-idea-en");

        // a decline without a reason is refused
        browser.find("outcome-decline").click();
        browser.clickToNextPage("decide-button");
        assertThat(browser.await("decision-error").getText()).isNotBlank();
        assertThat(browser.find("idea-state").getDomAttribute("data-state")).isNotEqualTo("DECLINED");
        browser.screenshot("router-decision-error-en");

        // the page a refused form drew (its address the form's) changes its language into the idea's page
        switchLanguage(browser, "he");
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(stack.routerUrl() + "/ideas/" + ideaId);
        assertThat(browser.htmlAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.await("decision-form").isDisplayed()).isTrue();
        switchLanguage(browser, "en");
        assertThat(browser.htmlAttribute("lang")).isEqualTo("en");

        // with a reason code and an explanation it is recorded
        browser.find("outcome-decline").click();
        new Select(browser.find("reasonCode")).selectByValue("NOT_FEASIBLE");
        browser.find("explanation").clear();
        browser.find("explanation")
                .sendKeys("The budget for headsets is spent this year; we will look again in spring.");
        browser.clickToNextPage("decide-button");
        browser.waitUntil(driver ->
                "DECLINED".equals(driver.findElement(By.id("idea-state")).getDomAttribute("data-state")));
        browser.screenshot("router-idea-declined-en");
    }

    @Test
    void theQueueIsRightToLeftInHebrewAndSaysWhyInHebrew(RunningStack stack, Browser browser) {
        String ideaId = submitAsAliceAndAwaitMayasQueue(
                stack, "Hebrew queue check " + UUID.randomUUID().toString().substring(0, 6));

        browser.openSignedIn(stack.routerUrl() + "/queue?lang=he", "maya");
        browser.await("queue-table");

        assertThat(browser.htmlAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#queue-table tr[data-idea-id='" + ideaId + "']"))
                        .getText())
                .contains("הכלל \u2068cx-owner\u2069 חל (הקטגוריה 'חוויית לקוח'); באחריות \u2068Maya Rosen\u2069")
                .doesNotContain("matched rule");
        browser.screenshot("router-queue-he");

        // the language switch keeps what the queue shows: its filters and its order
        browser.get(stack.routerUrl() + "/queue?state=ASSIGNED&category=customer-experience&sort=support");
        switchLanguage(browser, "pl");
        assertThat(browser.htmlAttribute("lang")).isEqualTo("pl");
        assertThat(browser.driver().getCurrentUrl())
                .contains("state=ASSIGNED")
                .contains("category=customer-experience")
                .contains("sort=support");
        assertThat(new Select(browser.find("filter-state"))
                        .getFirstSelectedOption()
                        .getDomAttribute("value"))
                .isEqualTo("ASSIGNED");
        assertThat(new Select(browser.find("queue-sort"))
                        .getFirstSelectedOption()
                        .getDomAttribute("value"))
                .isEqualTo("support");
        assertThat(browser.driver().findElements(By.cssSelector("#queue-table tr[data-idea-id='" + ideaId + "']")))
                .hasSize(1);
        switchLanguage(browser, "en");
    }

    private static void switchLanguage(Browser browser, String language) {
        new Select(browser.find("lang-switch")).selectByValue(language);
        browser.clickToNextPage("lang-apply");
    }

    private static String submitAsAliceAndAwaitMayasQueue(RunningStack stack, String title) {
        return Ideas.submitAndAwaitQueue(
                stack,
                "alice",
                Map.of(
                        "title",
                        title,
                        "description",
                        "Calls in an open-plan room are hard to follow for customers and agents.",
                        "category",
                        "customer-experience"),
                "maya");
    }
}
