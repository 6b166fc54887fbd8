package org.suggestionbox.systemtests;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One sign-in at the local stack's OpenID Connect provider reaches the three services, and one sign-out
 * ends it everywhere (RP-initiated logout at the provider, back-channel logout to the other services).
 */
@SystemTest
class SingleSignOnBrowserIntegrationTests {

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
    void anEmployeeSignsInOnceAndReachesEveryPageOfHersWithoutAnotherPrompt(RunningStack stack) {
        this.browser.get(stack.intakeUrl() + "/ideas/new");
        assertThat(this.browser.isSignInPage()).as("the form asks for sign-in first").isTrue();
        assertThat(this.browser.driver().getCurrentUrl()).as("at the provider, not at a service")
                .startsWith(stack.signInUrl());
        this.browser.signIn("alice");
        assertSignedInAt(stack.intakeUrl() + "/ideas/new", "idea-form", "Alice Walker");

        assertSignedInAt(stack.routerUrl() + "/my-ideas", "main", "Alice Walker");
        assertSignedInAt(stack.notifierUrl() + "/inbox", "main", "Alice Walker");
        assertSignedInAt(stack.notifierUrl() + "/preferences", "main", "Alice Walker");
    }

    @Test
    void anOwnerReachesHerQueueAndALeaderTheDashboardWithTheSameSignIn(RunningStack stack) {
        this.browser.openSignedIn(stack.notifierUrl() + "/inbox", "maya");
        assertSignedInAt(stack.routerUrl() + "/queue", "main", "Maya Rosen");

        try (Browser leader = Browser.open()) {
            leader.openSignedIn(stack.routerUrl() + "/dashboard", "lea");
            assertThat(leader.driver().getCurrentUrl()).startsWith(stack.routerUrl() + "/dashboard");
            assertThat(leader.find("main").getText()).isNotBlank();
            leader.get(stack.intakeUrl() + "/ideas/new");
            assertThat(leader.isSignInPage()).isFalse();
            assertThat(leader.driver().findElement(By.cssSelector(".who")).getText()).isEqualTo("Lea Fischer");
            leader.screenshot("sso-dashboard-lea");
        }
    }

    @Test
    void signingOutOfOneServiceSignsOutOfAllThree(RunningStack stack) {
        this.browser.openSignedIn(stack.routerUrl() + "/my-ideas", "piotr");
        assertSignedInAt(stack.intakeUrl() + "/ideas/new", "idea-form", "Piotr Nowak");
        assertSignedInAt(stack.notifierUrl() + "/inbox", "main", "Piotr Nowak");

        this.browser.get(stack.routerUrl() + "/my-ideas");
        this.browser.driver().findElement(By.cssSelector("#sign-out button")).click();
        this.browser.waitUntil(driver -> this.browser.isSignInPage() || !driver.getCurrentUrl().contains("/my-ideas"));

        for (String page : new String[] { stack.intakeUrl() + "/ideas/new", stack.routerUrl() + "/my-ideas",
                stack.notifierUrl() + "/inbox" }) {
            this.browser.get(page);
            assertThat(this.browser.isSignInPage()).as("%s asks for sign-in again after sign-out", page).isTrue();
        }
        this.browser.screenshot("sso-signed-out");
    }

    @Test
    void someoneWhoOpened127001FollowsTheMenusLocalhostLinksWithoutAnotherPrompt(RunningStack stack) {
        String router = stack.routerUrl().replace("localhost", "127.0.0.1");
        this.browser.openSignedIn(router + "/my-ideas", "noa");
        assertThat(this.browser.driver().getCurrentUrl()).startsWith(router + "/my-ideas");

        this.browser.driver().findElement(By.cssSelector(".nav-links a[href$='/ideas/new']")).click();
        this.browser.waitUntil(driver -> driver.getCurrentUrl().startsWith(stack.intakeUrl()) || this.browser.isSignInPage());
        assertThat(this.browser.isSignInPage()).as("the menu's link to intake signs noa in without a prompt").isFalse();
        assertThat(this.browser.await("idea-form").isDisplayed()).isTrue();
        assertThat(this.browser.htmlAttribute("dir")).isEqualTo("rtl");
    }

    private void assertSignedInAt(String url, String elementId, String name) {
        this.browser.get(url);
        assertThat(this.browser.isSignInPage()).as("%s signs in without a prompt", url).isFalse();
        assertThat(this.browser.driver().getCurrentUrl()).startsWith(url);
        assertThat(this.browser.await(elementId).isDisplayed()).isTrue();
        assertThat(this.browser.driver().findElement(By.cssSelector(".who")).getText()).isEqualTo(name);
    }
}
