package org.suggestionbox.systemtests;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/** The idea form in a real browser: inline validation, confirmation with tracking link, right-to-left Hebrew. */
@SystemTest
class IdeaFormBrowserIntegrationTests {

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
    void aTooShortTitleIsExplainedNextToTheFieldAndTheDescriptionIsKept(RunningStack stack) {
        String description = "Put a water cooler next to the support floor, the kitchen is two floors away.";
        this.browser.openSignedIn(stack.intakeUrl() + "/ideas/new", "alice");
        this.browser.await("idea-form");

        this.browser.find("title").sendKeys("Wa");
        this.browser.find("description").sendKeys(description);
        this.browser.find("submit-idea").click();

        assertThat(this.browser.await("title-error").getText()).isNotBlank();
        assertThat(this.browser.find("title").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(this.browser.find("description").getDomProperty("value")).isEqualTo(description);
        this.browser.screenshot("intake-form-error-en");
    }

    @Test
    void aValidIdeaIsConfirmedWithATrackingLink(RunningStack stack) {
        String title = "Water cooler on the support floor " + UUID.randomUUID().toString().substring(0, 6);
        this.browser.openSignedIn(stack.intakeUrl() + "/ideas/new", "alice");
        this.browser.await("idea-form");
        this.browser.screenshot("intake-form-en");

        this.browser.find("title").sendKeys(title);
        this.browser.find("description").sendKeys("The kitchen is two floors away; a cooler would save many short trips.");
        new Select(this.browser.find("category")).selectByValue("workplace");
        this.browser.find("submit-idea").click();

        String trackingUrl = this.browser.await("tracking-link").getDomProperty("href");
        assertThat(trackingUrl).isNotBlank();
        assertThat(this.browser.driver().getPageSource()).contains(title);
        this.browser.screenshot("intake-submitted-en");
    }

    @Test
    void aHebrewSpeakerGetsTheFormRightToLeft(RunningStack stack) {
        this.browser.openSignedIn(stack.intakeUrl() + "/ideas/new", "noa");
        this.browser.await("idea-form");

        assertThat(this.browser.htmlAttribute("dir")).isEqualTo("rtl");
        assertThat(this.browser.htmlAttribute("lang")).isEqualTo("he");
        this.browser.screenshot("intake-form-he");

        this.browser.find("submit-idea").click();
        assertThat(this.browser.await("title-error").getText()).isNotBlank();
        this.browser.screenshot("intake-form-error-he");
    }

    @Test
    void anyoneCanSwitchToHebrew(RunningStack stack) {
        this.browser.openSignedIn(stack.intakeUrl() + "/ideas/new?lang=he", "alice");
        this.browser.await("idea-form");

        assertThat(this.browser.htmlAttribute("dir")).isEqualTo("rtl");
    }
}
