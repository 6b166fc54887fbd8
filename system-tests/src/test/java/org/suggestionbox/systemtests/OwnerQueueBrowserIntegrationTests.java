package org.suggestionbox.systemtests;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An owner's queue and decision in a real browser: a decline needs a reason, then the idea is DECLINED. */
@SystemTest
class OwnerQueueBrowserIntegrationTests {

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        this.browser = Browser.open();
    }

    @AfterEach
    void closeBrowser() {
        this.browser.close();
    }

    @Test
    void anOwnerDeclinesAnIdeaFromTheQueueOnlyWithAReason(RunningStack stack) {
        String title = "Headsets with noise cancelling " + UUID.randomUUID().toString().substring(0, 6);
        String ideaId = submitAsAliceAndAwaitMayasQueue(stack, title);

        this.browser.openSignedIn(stack.routerUrl() + "/queue", "maya");
        this.browser.await("queue-table");
        this.browser.screenshot("router-queue-en");
        this.browser.driver().findElement(By.cssSelector("#queue-table tr[data-idea-id='" + ideaId + "'] a")).click();
        this.browser.await("decision-form");
        assertThat(this.browser.driver().getPageSource()).contains(title);
        this.browser.screenshot("router-idea-en");

        // a decline without a reason is refused
        this.browser.find("outcome-decline").click();
        this.browser.find("decide-button").click();
        assertThat(this.browser.await("decision-error").getText()).isNotBlank();
        assertThat(this.browser.find("idea-state").getDomAttribute("data-state")).isNotEqualTo("DECLINED");
        this.browser.screenshot("router-decision-error-en");

        // with a reason code and an explanation it is recorded
        this.browser.find("outcome-decline").click();
        new Select(this.browser.find("reasonCode")).selectByValue("NOT_FEASIBLE");
        this.browser.find("explanation").clear();
        this.browser.find("explanation").sendKeys("The budget for headsets is spent this year; we will look again in spring.");
        this.browser.find("decide-button").click();
        this.browser.waitUntil(driver -> "DECLINED".equals(
                driver.findElement(By.id("idea-state")).getDomAttribute("data-state")));
        this.browser.screenshot("router-idea-declined-en");
    }

    @Test
    void theQueueIsRightToLeftInHebrewAndSaysWhyInHebrew(RunningStack stack) {
        String ideaId = submitAsAliceAndAwaitMayasQueue(stack,
                "Hebrew queue check " + UUID.randomUUID().toString().substring(0, 6));

        this.browser.openSignedIn(stack.routerUrl() + "/queue?lang=he", "maya");
        this.browser.await("queue-table");

        assertThat(this.browser.htmlAttribute("dir")).isEqualTo("rtl");
        assertThat(this.browser.driver().findElement(By.cssSelector("#queue-table tr[data-idea-id='" + ideaId + "']"))
                .getText()).contains("הכלל cx-owner חל (הקטגוריה 'חוויית לקוח'); באחריות Maya Rosen")
                .doesNotContain("matched rule");
        this.browser.screenshot("router-queue-he");
    }

    private static String submitAsAliceAndAwaitMayasQueue(RunningStack stack, String title) {
        Api.Response submitted = Api.as("alice").post(stack.intakeUrl() + "/api/ideas", Map.of("title", title,
                "description", "Calls in an open-plan room are hard to follow for customers and agents.",
                "category", "customer-experience"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String ideaId = submitted.json().path("id").asString();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Api.as("maya")
                .getAll(stack.routerUrl() + "/api/queue").body()).contains(ideaId));
        return ideaId;
    }
}
