package org.suggestionbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The idea form in a real browser: inline validation, confirmation with tracking link, right-to-left Hebrew,
 * and similar open ideas offered while typing, fetched by the page straight from the router.
 */
@BrowserTest
class IdeaFormBrowserIntegrationTests {

    @Test
    void aTooShortTitleIsExplainedNextToTheFieldAndTheDescriptionIsKept(RunningStack stack, Browser browser) {
        String description = "Put a water cooler next to the support floor, the kitchen is two floors away.";
        browser.openSignedIn(stack.intakeUrl() + "/ideas/new", "alice");
        browser.await("idea-form");

        browser.find("title").sendKeys("Wa");
        browser.find("description").sendKeys(description);
        browser.clickToNextPage("submit-idea");

        assertThat(browser.await("title-error").getText()).isNotBlank();
        assertThat(browser.find("title").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("description").getDomProperty("value")).isEqualTo(description);
        assertThat(Axe.violations(browser, "the refused form")).isEmpty();
        browser.screenshot("intake-form-error-en");
    }

    @Test
    void aValidIdeaIsConfirmedWithATrackingLink(RunningStack stack, Browser browser) {
        String title = "Water cooler on the support floor "
                + UUID.randomUUID().toString().substring(0, 6);
        browser.openSignedIn(stack.intakeUrl() + "/ideas/new", "alice");
        browser.await("idea-form");
        browser.screenshot("intake-form-en");

        browser.find("title").sendKeys(title);
        browser.find("description").sendKeys("The kitchen is two floors away; a cooler would save many short trips.");
        new Select(browser.find("category")).selectByValue("workplace");
        browser.clickToNextPage("submit-idea");

        String trackingUrl = browser.await("tracking-link").getDomProperty("href");
        assertThat(trackingUrl).isNotBlank();
        assertThat(browser.driver().getPageSource()).contains(title);
        assertThat(Axe.violations(browser, "the confirmation")).isEmpty();
        browser.screenshot("intake-submitted-en");
    }

    @Test
    void aHebrewSpeakerGetsTheFormRightToLeft(RunningStack stack, Browser browser) {
        browser.openSignedIn(stack.intakeUrl() + "/ideas/new", "noa");
        browser.await("idea-form");

        assertThat(browser.htmlAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.htmlAttribute("lang")).isEqualTo("he");
        browser.screenshot("intake-form-he");

        browser.clickToNextPage("submit-idea");
        assertThat(browser.await("title-error").getText()).isNotBlank();
        assertThat(Axe.violations(browser, "the refused form in Hebrew")).isEmpty();
        browser.screenshot("intake-form-error-he");
    }

    @Test
    void anyoneCanSwitchToHebrew(RunningStack stack, Browser browser) {
        browser.openSignedIn(stack.intakeUrl() + "/ideas/new?lang=he", "alice");
        browser.await("idea-form");

        assertThat(browser.htmlAttribute("dir")).isEqualTo("rtl");
    }

    @Test
    void whileTypingSimilarOpenIdeasAreOfferedWithLinksToTheirPagesAtTheRouter(RunningStack stack, Browser browser) {
        // given an open idea that colleagues may see, with a word nobody else uses
        String word = "zeppelin" + UUID.randomUUID().toString().substring(0, 6);
        String title = "Bike racks near the " + word + " entrance";
        Api.Response submitted = Api.as("maya")
                .post(
                        stack.intakeUrl() + "/api/ideas",
                        Map.of(
                                "title",
                                title,
                                "description",
                                "The racks at the " + word + " entrance are always full by nine.",
                                "visibility",
                                "COMPANY"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String ideaId = submitted.json().path("id").asString();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(Api.as("alice")
                                .get(stack.routerUrl() + "/api/ideas/similar?text=" + word + "+bike+racks")
                                .body())
                        .contains(ideaId));

        // when a colleague who has the router open (her session there signs the look-up) types a similar idea
        browser.openSignedIn(stack.routerUrl() + "/ideas", "alice");
        browser.openSignedIn(stack.intakeUrl() + "/ideas/new", "alice");
        browser.await("idea-form");
        browser.find("title").sendKeys("More bike racks at the " + word + " entrance");

        // then the box offers the idea, linked to its page at the router
        WebElement offered = new WebDriverWait(browser.driver(), Duration.ofSeconds(45)).until(driver -> {
            List<WebElement> links = driver.findElements(By.cssSelector("#similar-ideas li a"));
            return links.stream()
                    .filter(link -> link.isDisplayed() && link.getText().equals(title))
                    .findFirst()
                    .orElse(null);
        });
        assertThat(offered.getDomProperty("href")).isEqualTo(stack.routerUrl() + "/ideas/" + ideaId);
        assertThat(browser.find("similar-ideas").getText()).contains("Support this one instead?");
        browser.screenshot("intake-form-similar-en");

        // and ticking "Submit anonymously" takes the box away: her session must not travel beside the draft
        browser.find("anonymous").click();
        browser.waitUntil(driver ->
                driver.findElements(By.cssSelector("#similar-ideas li")).isEmpty());
        browser.find("anonymous").click();
        browser.waitUntil(driver ->
                !driver.findElements(By.cssSelector("#similar-ideas li a")).isEmpty());

        // and a draft of fewer than three words offers nothing
        browser.find("title").clear();
        browser.find("description").clear();
        browser.find("title").sendKeys(word);
        browser.waitUntil(driver ->
                driver.findElements(By.cssSelector("#similar-ideas li")).isEmpty());
    }
}
