package org.suggestionbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What a submitter sees after a decline, in a real browser: the notifier's inbox (English and Hebrew,
 * right-to-left) and the mail in the local stack's mail viewer.
 */
@BrowserTest
class InboxBrowserIntegrationTests {

    @Test
    void aSubmitterReadsTheDeclineAndItsReasonInTheInbox(RunningStack stack, Browser browser) {
        String explanation = "Our phone contract ends in March; we will include this in the new tender. "
                + UUID.randomUUID().toString().substring(0, 6);
        submitAndDecline(stack, "alice", "Headset budget for the night shift", explanation);

        browser.openSignedIn(stack.notifierUrl() + "/inbox", "alice");
        browser.await("inbox-list");

        assertThat(browser.find("inbox-list").getText()).contains(explanation);
        browser.screenshot("notifier-inbox-en");
    }

    @Test
    void aHebrewSpeakerReadsTheInboxRightToLeftAndTheMailRendersHebrew(RunningStack stack, Browser browser) {
        String explanation = "אין לנו תקציב השנה, נחזור לזה ברבעון הבא "
                + UUID.randomUUID().toString().substring(0, 6);
        submitAndDecline(stack, "noa", "ספר הדרכה מקוצר לנציגים חדשים", explanation);

        browser.openSignedIn(stack.notifierUrl() + "/inbox", "noa");
        browser.await("inbox-list");
        assertThat(browser.htmlAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.find("inbox-list").getText()).contains(explanation);
        browser.screenshot("notifier-inbox-he");

        int mailIndex = await().atMost(Duration.ofSeconds(60))
                .until(() -> indexOfMailContaining(stack, explanation), index -> index >= 0);
        browser.get(stack.mailViewerUrl());
        browser.driver()
                .findElement(By.cssSelector("a[href='/messages/" + mailIndex + "']"))
                .click();
        browser.await("subject");
        assertThat(browser.driver().getPageSource()).contains(explanation);
        browser.screenshot("mail-viewer-he");
    }

    @Test
    void aMessageRunsInTheDirectionOfItsOwnLanguageWhateverThePagesLanguage(RunningStack stack, Browser browser) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String english = "We keep the current headsets until the tender in March. " + tag;
        String hebrew = "נבדוק את זה שוב אחרי המכרז במרץ. " + tag;
        submitAndDecline(stack, "alice", "Lighter headsets for the open office", english);
        submitAndDecline(stack, "noa", "אוזניות קלות יותר לחלל הפתוח", hebrew);

        // alice's English message in a Hebrew page, then noa's Hebrew message in an English page
        for (Reading reading : List.of(
                new Reading("alice", "he", english, "en", "ltr"), new Reading("noa", "en", hebrew, "he", "rtl"))) {
            browser.fresh().openSignedIn(stack.notifierUrl() + "/inbox?lang=" + reading.pageLanguage(), reading.user());
            WebElement item = browser.await("inbox-list").findElements(By.cssSelector("li.inbox-item")).stream()
                    .filter(li -> li.getText().contains(reading.words()))
                    .findFirst()
                    .orElseThrow();
            WebElement body = item.findElement(By.className("message-body"));
            WebElement title = item.findElement(By.className("message-title"));
            String pageDirection = "he".equals(reading.pageLanguage()) ? "rtl" : "ltr";

            assertThat(browser.htmlAttribute("lang")).isEqualTo(reading.pageLanguage());
            assertThat(body.getDomAttribute("lang")).as(reading.user()).isEqualTo(reading.messageLanguage());
            assertThat(body.getCssValue("direction")).as(reading.user()).isEqualTo(reading.direction());
            assertThat(title.getCssValue("direction")).as(reading.user()).isEqualTo(reading.direction());
            assertThat(item.findElement(By.className("hint")).getCssValue("direction"))
                    .as("the page's own words around %s's message", reading.user())
                    .isEqualTo(pageDirection);
            browser.screenshot(
                    "notifier-inbox-" + reading.messageLanguage() + "-message-in-" + reading.pageLanguage() + "-page");
        }
    }

    /** Who reads their inbox in which page language, the words of their message, its language and direction. */
    private record Reading(String user, String pageLanguage, String words, String messageLanguage, String direction) {}

    /**
     * The mail's index among those received, which is its number in the mail viewer's links: the test stack starts
     * with no mail, and its capture numbers mails from 0 and forgets none before the 1,000th.
     */
    private static int indexOfMailContaining(RunningStack stack, String text) {
        List<MimeMessage> received = stack.receivedMail();
        for (int i = 0; i < received.size(); i++) {
            if (Mails.text(received.get(i)).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static void submitAndDecline(RunningStack stack, String submitter, String title, String explanation) {
        String ideaId = Ideas.submitAndAwaitQueue(
                stack,
                submitter,
                Map.of(
                        "title",
                        title,
                        "description",
                        "Details of the idea for the inbox test.",
                        "category",
                        "customer-experience"),
                "maya");
        Api.Response decided = Api.as("maya")
                .post(
                        stack.routerUrl() + "/api/ideas/" + ideaId + "/decision",
                        Map.of("outcome", "DECLINE", "reasonCode", "COST_EXCEEDS_BENEFIT", "explanation", explanation));
        assertThat(decided.status()).as(decided.body()).isBetween(200, 299);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(Api.as(submitter)
                                .getAll(stack.notifierUrl() + "/api/notifications")
                                .body())
                        .contains(explanation));
    }
}
