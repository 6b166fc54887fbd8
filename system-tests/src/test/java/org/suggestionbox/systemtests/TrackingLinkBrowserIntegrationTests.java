package org.suggestionbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An anonymous submitter follows her idea with the private link intake gave her (issue 12, item 5): the
 * whole stack, an anonymous idea submitted through the API and declined by its owner, then the link opened
 * in a real browser that never signed in, in English and in Hebrew.
 */
@BrowserTest
class TrackingLinkBrowserIntegrationTests {

    @Test
    void theTrackingLinkShowsTheDeclineAndItsReasonWithoutSignInInEnglishAndHebrew(
            RunningStack stack, Browser browser) {
        String explanation = "The lease does not allow new walls before the move in spring. "
                + UUID.randomUUID().toString().substring(0, 6);
        JsonNode submitted = Ideas.submit(
                stack,
                "alice",
                Map.of(
                        "title",
                        "A quiet room without meetings",
                        "description",
                        "Somewhere to think without calls.",
                        "category",
                        "customer-experience",
                        "anonymous",
                        true));
        String ideaId = submitted.path("id").asString();
        String trackingUrl = submitted.path("trackingUrl").asString();
        assertThat(trackingUrl).startsWith(stack.routerUrl() + "/track/").doesNotContain(ideaId);

        Ideas.awaitInQueue(stack, "maya", ideaId);
        Api.Response decided = Api.as("maya")
                .post(
                        stack.routerUrl() + "/api/ideas/" + ideaId + "/decision",
                        Map.of("outcome", "DECLINE", "reasonCode", "NOT_FEASIBLE", "explanation", explanation));
        assertThat(decided.status()).as(decided.body()).isBetween(200, 299);

        // the browser has never signed in anywhere
        browser.get(trackingUrl);
        assertThat(browser.isSignInPage()).as("the link opens without sign-in").isFalse();
        browser.await("idea-decision");
        assertThat(browser.htmlAttribute("dir")).isEqualTo("ltr");
        assertThat(browser.find("idea-state").getText()).isEqualTo("Declined");
        assertThat(browser.find("decision-reason").getText()).isEqualTo("Not feasible");
        assertThat(browser.find("decision-explanation").getText()).isEqualTo(explanation);
        assertThat(browser.driver().getPageSource())
                .doesNotContain("Maya")
                .doesNotContain("alice")
                .doesNotContain("Alice");
        assertThat(browser.driver().findElements(org.openqa.selenium.By.id("sign-out")))
                .isEmpty();
        browser.screenshot("tracking-link-declined-en");

        browser.get(trackingUrl + "?lang=he");
        browser.await("idea-decision");
        assertThat(browser.htmlAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.htmlAttribute("lang")).isEqualTo("he");
        assertThat(browser.find("idea-state").getText()).isEqualTo("נדחה");
        assertThat(browser.find("decision-reason").getText()).isEqualTo("לא ישים");
        assertThat(browser.find("decision-explanation").getText()).isEqualTo(explanation);
        browser.screenshot("tracking-link-declined-he");

        // the answer reached her too, with the same private link in it
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(Api.as("alice")
                                .getAll(stack.notifierUrl() + "/api/notifications")
                                .body())
                        .contains(explanation)
                        .contains(trackingUrl));
    }
}
