package org.suggestionbox.notifier.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.notifier.NotifierSpringIntegrationTest;
import org.suggestionbox.testing.DemoPassword;

/** The preferences page as a browser uses it: a form with a CSRF token, in the reader's language. */
class PreferencesPageIntegrationTests extends NotifierSpringIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    PreferencesService preferences;

    @Autowired
    ApplicationContext context;

    private final HttpClient browser =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void leaChoosesHebrewAndTeamsWithHerOwnUrlOnThePage() throws Exception {
        Preferences before = preferences.ofPerson("lea");
        try {
            choosesHebrewAndTeams();
        } finally {
            PreferencesFixture.storeUnchecked(context, "lea", before);
        }
    }

    private void choosesHebrewAndTeams() throws Exception {
        String teamsUrl = "https://acme.webhook.office.com/webhookb2/lea-page";
        String page = get("lea", "/preferences");
        assertThat(page)
                .contains("id=\"preferences-form\"")
                .contains("Notification preferences")
                .contains("value=\"SLACK\"")
                .contains("value=\"TEAMS\"")
                .contains("value=\"WEBHOOK\"");

        HttpResponse<String> saved = post(
                "lea",
                "/preferences",
                "_csrf=" + csrf(page) + "&channels=EMAIL&channels=TEAMS"
                        + "&teamsWebhookUrl=" + URLEncoder.encode(teamsUrl, StandardCharsets.UTF_8)
                        + "&locale=he&digest=true");

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/preferences?saved"));
        Preferences stored = preferences.ofPerson("lea");
        assertThat(stored.channels())
                .containsExactlyInAnyOrder(DeliveryChannel.IN_APP, DeliveryChannel.EMAIL, DeliveryChannel.TEAMS);
        assertThat(stored.teamsWebhookUrl()).isEqualTo(teamsUrl);
        assertThat(stored.locale()).isEqualTo("he");
        assertThat(stored.digest()).isTrue();
        assertThat(get("lea", "/preferences?saved&lang=he"))
                .contains("dir=\"rtl\"")
                .contains("ההעדפות נשמרו.")
                .contains("<option value=\"he\" selected")
                // an address reads left to right in a right-to-left page
                .contains("id=\"teamsWebhookUrl\" name=\"teamsWebhookUrl\" dir=\"ltr\" value=\"" + teamsUrl + "\"")
                .contains("id=\"webhookUrl\" name=\"webhookUrl\" dir=\"ltr\"");
    }

    @Test
    void aUrlThatIsNotHttpIsShownAsAnErrorAndNotStored() throws Exception {
        Preferences before = preferences.ofPerson("maya");
        String page = get("maya", "/preferences?lang=en");

        HttpResponse<String> rejected = post(
                "maya",
                "/preferences",
                "_csrf=" + csrf(page) + "&channels=WEBHOOK" + "&webhookUrl="
                        + URLEncoder.encode("javascript:alert(1)", StandardCharsets.UTF_8));

        assertThat(rejected.statusCode()).isEqualTo(200);
        assertThat(rejected.body()).contains("id=\"preferences-error\"").contains("“Webhook URL”");
        assertThat(preferences.ofPerson("maya")).isEqualTo(before);
    }

    @Test
    void aUrlLongerThan2000CharactersIsShownAsAnErrorAndNotStored() throws Exception {
        Preferences before = preferences.ofPerson("noa");
        String page = get("noa", "/preferences?lang=en");
        String tooLong = "https://acme.webhook.office.com/webhookb2/" + "a".repeat(2_000);

        HttpResponse<String> rejected = post(
                "noa",
                "/preferences",
                "_csrf=" + csrf(page) + "&channels=TEAMS" + "&teamsWebhookUrl="
                        + URLEncoder.encode(tooLong, StandardCharsets.UTF_8));

        assertThat(rejected.statusCode()).isEqualTo(200);
        assertThat(rejected.body())
                .contains("id=\"preferences-error\"")
                .contains("Please check “Teams webhook URL”")
                .contains("at most 2,000 characters");
        assertThat(preferences.ofPerson("noa")).isEqualTo(before);
    }

    @Test
    void piotrAsksThatHisManagerHearsTheThanksAndOptsOutOfTheMonthlyDigestOnThePage() throws Exception {
        Preferences before = preferences.ofPerson("piotr");
        try {
            String page = get("piotr", "/preferences?lang=pl");
            assertThat(page)
                    .contains("Gdy mój pomysł zostanie wdrożony, podziękowanie usłyszy także mój przełożony")
                    .contains("id=\"managerHearsThanks\"")
                    .contains("id=\"monthlyDigest\" name=\"monthlyDigest\" value=\"true\" checked");

            // a box left unticked is not sent: the monthly digest is turned off
            HttpResponse<String> saved =
                    post("piotr", "/preferences", "_csrf=" + csrf(page) + "&channels=EMAIL&managerHearsThanks=true");

            assertThat(saved.statusCode()).isEqualTo(302);
            Preferences stored = preferences.ofPerson("piotr");
            assertThat(stored.managerHearsThanks()).isTrue();
            assertThat(stored.monthlyDigest()).isFalse();
            assertThat(get("piotr", "/preferences?lang=he"))
                    .contains("dir=\"rtl\"")
                    .contains("id=\"managerHearsThanks\" name=\"managerHearsThanks\" value=\"true\" checked")
                    .doesNotContain("id=\"monthlyDigest\" name=\"monthlyDigest\" value=\"true\" checked");
        } finally {
            PreferencesFixture.storeUnchecked(context, "piotr", before);
        }
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        get("jan", "/preferences");

        assertThat(post("jan", "/preferences", "channels=EMAIL").statusCode()).isEqualTo(403);
    }

    private String get(String user, String path) throws Exception {
        HttpResponse<String> response =
                browser.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> post(String user, String path, String form) throws Exception {
        return browser.send(
                request(user, path)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String user, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", DemoPassword.basicAuthorization(user));
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
        return matcher.group(1);
    }
}
