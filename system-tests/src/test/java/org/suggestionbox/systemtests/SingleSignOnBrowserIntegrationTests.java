package org.suggestionbox.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * One sign-in at the local stack's OpenID Connect provider reaches the three services, and one sign-out
 * ends it everywhere (RP-initiated logout at the provider, back-channel logout to the other services).
 */
@BrowserTest
class SingleSignOnBrowserIntegrationTests {

    @Test
    void anEmployeeSignsInOnceAndReachesEveryPageOfHersWithoutAnotherPrompt(RunningStack stack, Browser browser) {
        browser.get(stack.intakeUrl() + "/ideas/new");
        assertThat(browser.isSignInPage()).as("the form asks for sign-in first").isTrue();
        assertThat(browser.driver().getCurrentUrl())
                .as("at the provider, not at a service")
                .startsWith(stack.signInUrl());
        browser.signIn("alice");
        browser.waitUntil(driver -> driver.getCurrentUrl().startsWith(stack.intakeUrl()));
        assertThat(browser.driver().getCurrentUrl())
                .as("back at the page asked for, its address as it was typed")
                .isEqualTo(stack.intakeUrl() + "/ideas/new");
        assertSignedInAt(browser, stack.intakeUrl() + "/ideas/new", "idea-form", "Alice Walker");

        assertSignedInAt(browser, stack.routerUrl() + "/my-ideas", "main", "Alice Walker");
        assertSignedInAt(browser, stack.notifierUrl() + "/inbox", "main", "Alice Walker");
        assertSignedInAt(browser, stack.notifierUrl() + "/preferences", "main", "Alice Walker");
    }

    @Test
    void aPageAskedForInHebrewSendsItsReaderToASignInPageInHebrew(RunningStack stack, Browser browser) {
        // the browser says English; the page was asked for in Hebrew, and the service says so (ui_locales)
        browser.get(stack.routerUrl() + "/my-ideas?lang=he");
        assertThat(browser.isSignInPage()).isTrue();
        assertThat(browser.driver().getCurrentUrl()).startsWith(stack.signInUrl());
        assertThat(browser.htmlAttribute("lang")).isEqualTo("he");
        assertThat(browser.htmlAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.find("username")
                        .findElement(By.xpath("preceding-sibling::label"))
                        .getText())
                .isEqualTo("שם משתמש או דואר אלקטרוני");
        // a Latin user name or an e-mail address reads left to right in the Hebrew form, a Hebrew one right to left
        WebElement username = browser.find("username");
        username.sendKeys("noa@example.com");
        assertThat(username.getCssValue("direction")).isEqualTo("ltr");
        username.clear();
        username.sendKeys("נועה");
        assertThat(username.getCssValue("direction")).isEqualTo("rtl");
        browser.screenshot("sign-in-he");

        browser.signIn("noa");
        browser.waitUntil(driver -> driver.getCurrentUrl().startsWith(stack.routerUrl() + "/my-ideas"));
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(stack.routerUrl() + "/my-ideas?lang=he");
        assertThat(browser.htmlAttribute("lang")).isEqualTo("he");
    }

    @Test
    void someoneWhoOpensTheProviderItselfAndSignsInThereLandsOnTheirOwnPage(RunningStack stack, Browser browser) {
        browser.get(stack.signInUrl());
        assertThat(browser.isSignInPage()).isTrue();
        browser.signIn("lea");
        browser.waitUntil(driver -> driver.getCurrentUrl().startsWith(stack.routerUrl()));
        assertThat(browser.driver().getCurrentUrl())
                .as("a leader's start is the dashboard, not the sign-in form again")
                .isEqualTo(stack.routerUrl() + "/dashboard");
        assertThat(browser.driver().findElement(By.cssSelector(".who")).getText())
                .isEqualTo("Lea Fischer");
    }

    @Test
    void anOwnerReachesHerQueueAndALeaderTheDashboardWithTheSameSignIn(RunningStack stack, Browser browser) {
        browser.openSignedIn(stack.notifierUrl() + "/inbox", "maya");
        assertSignedInAt(browser, stack.routerUrl() + "/queue", "main", "Maya Rosen");

        try (Browser leader = Browser.open()) {
            leader.openSignedIn(stack.routerUrl() + "/dashboard", "lea");
            assertThat(leader.driver().getCurrentUrl()).startsWith(stack.routerUrl() + "/dashboard");
            assertThat(leader.find("main").getText()).isNotBlank();
            leader.get(stack.intakeUrl() + "/ideas/new");
            assertThat(leader.isSignInPage()).isFalse();
            assertThat(leader.driver().findElement(By.cssSelector(".who")).getText())
                    .isEqualTo("Lea Fischer");
            leader.screenshot("sso-dashboard-lea");
        }
    }

    @Test
    void signingOutOfOneServiceSignsOutOfAllThree(RunningStack stack, Browser browser) {
        browser.openSignedIn(stack.routerUrl() + "/my-ideas", "piotr");
        assertSignedInAt(browser, stack.intakeUrl() + "/ideas/new", "idea-form", "Piotr Nowak");
        assertSignedInAt(browser, stack.notifierUrl() + "/inbox", "main", "Piotr Nowak");

        browser.get(stack.routerUrl() + "/my-ideas");
        browser.driver().findElement(By.cssSelector("#sign-out button")).click();
        browser.waitUntil(driver -> driver.getCurrentUrl().startsWith(stack.routerUrl() + "/signed-out"));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                .as("the page a sign-out ends on says so, in piotr's language though the browser speaks English")
                .isEqualTo("Wylogowano Cię");
        browser.screenshot("sso-signed-out");

        for (String page : new String[] {
            stack.intakeUrl() + "/ideas/new", stack.routerUrl() + "/my-ideas", stack.notifierUrl() + "/inbox"
        }) {
            browser.get(page);
            assertThat(browser.isSignInPage())
                    .as("%s asks for sign-in again after sign-out", page)
                    .isTrue();
        }

        // signing in again from there leads back to a page of one's own
        browser.get(stack.routerUrl() + "/signed-out?lang=he");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("יצאת מהמערכת");
        browser.clickToNextPage("sign-in-again");
        assertThat(browser.isSignInPage()).isTrue();
        browser.signIn("piotr");
        browser.waitUntil(driver -> driver.getCurrentUrl().startsWith(stack.routerUrl() + "/my-ideas"));
    }

    @Test
    void aLanguagePickedAtASharedDeskLastsUntilTheSignOutAndTheNextPersonReadsTheirOwn(
            RunningStack stack, Browser browser) {
        // alice reads English from the directory and picks Hebrew with the switcher
        browser.openSignedIn(stack.routerUrl() + "/my-ideas?lang=he", "alice");
        assertThat(browser.htmlAttribute("lang")).isEqualTo("he");
        browser.get(stack.notifierUrl() + "/inbox");
        assertThat(browser.htmlAttribute("lang"))
                .as("the pick holds on every page")
                .isEqualTo("he");

        browser.driver().findElement(By.cssSelector("#sign-out button")).click();
        browser.waitUntil(driver -> driver.getCurrentUrl().startsWith(stack.notifierUrl() + "/signed-out"));
        assertThat(browser.htmlAttribute("lang"))
                .as("the signed-out page speaks the language she read in")
                .isEqualTo("he");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("יצאת מהמערכת");

        // the sign-in page she is offered is in Hebrew too, but jan sits down at the same browser: he reads his own
        // language afterwards, not alice's pick
        browser.clickToNextPage("sign-in-again");
        assertThat(browser.isSignInPage()).isTrue();
        assertThat(browser.htmlAttribute("lang")).isEqualTo("he");
        browser.signIn("jan");
        browser.waitUntil(driver -> driver.getCurrentUrl().startsWith(stack.notifierUrl()));
        assertThat(browser.htmlAttribute("lang")).isEqualTo("pl");
        browser.get(stack.routerUrl() + "/queue");
        assertThat(browser.htmlAttribute("lang")).isEqualTo("pl");
        assertThat(browser.driver().findElement(By.cssSelector(".who")).getText())
                .isEqualTo("Jan Kowalski");
    }

    @Test
    void someoneWhoOpened127001FollowsTheMenusLocalhostLinksWithoutAnotherPrompt(RunningStack stack, Browser browser) {
        String router = stack.routerUrl().replace("localhost", "127.0.0.1");
        browser.openSignedIn(router + "/my-ideas", "noa");
        assertThat(browser.driver().getCurrentUrl()).startsWith(router + "/my-ideas");

        browser.driver()
                .findElement(By.cssSelector(".nav-links a[href$='/ideas/new']"))
                .click();
        browser.waitUntil(driver -> driver.getCurrentUrl().startsWith(stack.intakeUrl()) || browser.isSignInPage());
        assertThat(browser.isSignInPage())
                .as("the menu's link to intake signs noa in without a prompt")
                .isFalse();
        assertThat(browser.await("idea-form").isDisplayed()).isTrue();
        assertThat(browser.htmlAttribute("dir")).isEqualTo("rtl");
    }

    private static void assertSignedInAt(Browser browser, String url, String elementId, String name) {
        browser.get(url);
        assertThat(browser.isSignInPage())
                .as("%s signs in without a prompt", url)
                .isFalse();
        assertThat(browser.driver().getCurrentUrl()).startsWith(url);
        assertThat(browser.await(elementId).isDisplayed()).isTrue();
        assertThat(browser.driver().findElement(By.cssSelector(".who")).getText())
                .isEqualTo(name);
    }
}
