package org.suggestionbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/** The idea form in a real browser: inline validation, confirmation with tracking link, right-to-left Hebrew. */
@BrowserTest
class IdeaFormBrowserIntegrationTests {

    @Test
    void aTooShortTitleIsExplainedNextToTheFieldAndTheDescriptionIsKept(RunningStack stack, Browser browser) {
        String description = "Put a water cooler next to the support floor, the kitchen is two floors away.";
        browser.openSignedIn(stack.intakeUrl() + "/ideas/new", "alice");
        browser.await("idea-form");

        browser.find("title").sendKeys("Wa");
        browser.find("description").sendKeys(description);
        browser.find("submit-idea").click();

        assertThat(browser.await("title-error").getText()).isNotBlank();
        assertThat(browser.find("title").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("description").getDomProperty("value")).isEqualTo(description);
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
        browser.find("submit-idea").click();

        String trackingUrl = browser.await("tracking-link").getDomProperty("href");
        assertThat(trackingUrl).isNotBlank();
        assertThat(browser.driver().getPageSource()).contains(title);
        browser.screenshot("intake-submitted-en");
    }

    @Test
    void aHebrewSpeakerGetsTheFormRightToLeft(RunningStack stack, Browser browser) {
        browser.openSignedIn(stack.intakeUrl() + "/ideas/new", "noa");
        browser.await("idea-form");

        assertThat(browser.htmlAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.htmlAttribute("lang")).isEqualTo("he");
        browser.screenshot("intake-form-he");

        browser.find("submit-idea").click();
        assertThat(browser.await("title-error").getText()).isNotBlank();
        browser.screenshot("intake-form-error-he");
    }

    @Test
    void anyoneCanSwitchToHebrew(RunningStack stack, Browser browser) {
        browser.openSignedIn(stack.intakeUrl() + "/ideas/new?lang=he", "alice");
        browser.await("idea-form");

        assertThat(browser.htmlAttribute("dir")).isEqualTo("rtl");
    }
}
