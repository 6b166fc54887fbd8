package org.suggestionbox.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.suggestionbox.testing.SuggestionBoxInfrastructure;

/** Pages and the API carry the browser protections every service shares (platform security). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuggestionBoxInfrastructure
class SecurityHeadersIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void pagesAllowNoInlineScriptNoFramingAndNoSniffing() {
        HttpResponse<String> page = TestHttp.as(port, "alice").get("/ideas/new");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(
                                Arrays.stream(csp.split(";")).map(String::trim).toList())
                        .contains(
                                "default-src 'self'",
                                "script-src 'self'",
                                "frame-ancestors 'none'",
                                "object-src 'none'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
    }

    /**
     * A request the firewall refuses before any filter ran (a path parameter, a doubled slash) or Tomcat refuses
     * before any application saw it (an encoded NUL) is answered with the headers of every other response, as a page
     * for a browser and as problem details for the API.
     */
    @Test
    void whatTheFirewallOrTomcatRefusesCarriesTheSameProtections() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("/ideas;x=1", "/api/ideas//x", "/ideas/%00")) {
            for (String accept : List.of("text/html", "application/json")) {
                HttpResponse<String> refused = client.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Accept", accept)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

                HttpHeaders headers = refused.headers();
                assertThat(refused.statusCode()).as("%s as %s", path, accept).isEqualTo(400);
                assertThat(headers.allValues("Content-Security-Policy"))
                        .as("%s as %s", path, accept)
                        .singleElement()
                        .satisfies(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
                assertThat(headers.allValues("X-Frame-Options")).as(path).containsExactly("DENY");
                assertThat(headers.allValues("X-Content-Type-Options")).as(path).containsExactly("nosniff");
                assertThat(headers.allValues("Referrer-Policy")).as(path).containsExactly("same-origin");
                assertThat(headers.firstValue("Cache-Control"))
                        .as(path)
                        .hasValueSatisfying(cache -> assertThat(cache).contains("no-store"));
            }
        }
    }

    @Test
    void theSessionCookieIsSameSiteLax() {
        HttpResponse<String> page = TestHttp.anonymous(port).get("/ideas/new");

        assertThat(page.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("SB_INTAKE_SESSION=")
                        .containsIgnoringCase("SameSite=Lax")
                        .containsIgnoringCase("HttpOnly"));
    }

    @Test
    void behindAnHttpsProxyTheSessionCookieIsSecure() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> page = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ideas/new"))
                        .header("X-Forwarded-Proto", "https")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> plain = TestHttp.anonymous(port).get("/ideas/new");

        assertThat(page.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("SB_INTAKE_SESSION=")
                        .containsIgnoringCase("Secure")
                        .containsIgnoringCase("SameSite=Lax"));
        assertThat(plain.headers().allValues("Set-Cookie"))
                .allSatisfy(cookie -> assertThat(cookie).doesNotContainIgnoringCase("Secure"));
    }

    @Test
    void someoneTheDirectoryDoesNotKnowReadsWhyInTheirLanguage() {
        HttpResponse<String> english = TestHttp.anonymous(port).get("/signin/problem");
        HttpResponse<String> hebrew = TestHttp.anonymous(port).get("/signin/problem?lang=he");

        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.body()).contains("We could not sign you in", "no account was opened");
        assertThat(hebrew.body()).contains("dir=\"rtl\"", "לא הצלחנו להכניס אותך");
    }

    @Test
    void theSignedOutPageIsOpenToAnyoneAndSendsSomeoneSignedInToTheirStart() {
        HttpResponse<String> nobody = TestHttp.anonymous(port).get("/signed-out?lang=he");
        HttpResponse<String> alice = TestHttp.as(port, "alice").get("/signed-out");

        assertThat(nobody.statusCode()).isEqualTo(200);
        assertThat(nobody.body()).contains("dir=\"rtl\"", "יצאת מהמערכת");
        assertThat(alice.statusCode()).isEqualTo(302);
        assertThat(alice.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/"));
    }

    @Test
    void apiProblemsCarryTheSameHeaders() {
        HttpResponse<String> problem = TestHttp.anonymous(port).get("/api/ideas/00000000-0000-0000-0000-000000000000");

        assertThat(problem.statusCode()).isEqualTo(401);
        assertThat(problem.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(problem.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }
}
