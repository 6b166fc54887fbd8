package org.suggestionbox.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.suggestionbox.events.IdeaSubmitted;
import org.suggestionbox.events.SealedIdentity;
import org.suggestionbox.events.SubmissionChannel;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.router.support.RouterFlowTest;
import org.suggestionbox.router.support.RouterIntegrationTest;

/**
 * The leaders' CSV exports: RFC 4180 in UTF-8 with a byte order mark, downloaded as an attachment,
 * formula-like cells neutralised, anonymous submitters never named, and 403 for everyone else.
 */
@RouterIntegrationTest
class ExportIntegrationTests extends RouterFlowTest {

    private static final String BOM = "\uFEFF";

    @Test
    void leadersDownloadEveryIdeaAsSafeCsv() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        UUID formula = submit(
                Submitter.person("alice"),
                "=HYPERLINK(\"http://evil.example\",\"" + marker + "\")",
                "Customer Service");
        UUID quoted = submit(Submitter.person("piotr"), "Say \"hi\", twice " + marker, "Logistics");
        UUID anonymous =
                submit(Submitter.anonymous(new SealedIdentity("k1", "c2VhbGVk")), "Anonymous " + marker, null, "noa");
        for (UUID id : List.of(formula, quoted, anonymous)) {
            router.awaitIdea("lea", id);
        }

        HttpResponse<String> csv = http.get("lea", "/api/export/ideas.csv");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment")
                .contains("filename=\"ideas-");
        String body = csv.body();
        assertThat(body).startsWith(BOM + "id,submitted,title,category,department,channel,submitters,state,");
        assertThat(body).endsWith("\r\n");
        assertThat(body.replace("\r\n", "")).doesNotContain("\n");

        String formulaRow = row(body, formula);
        assertThat(formulaRow)
                .contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"" + marker + "\"\")\",")
                .contains(",Alice ");
        assertThat(row(body, quoted)).contains(",\"Say \"\"hi\"\", twice " + marker + "\",");
        String anonymousRow = row(body, anonymous);
        assertThat(anonymousRow).contains(",anonymous,").doesNotContain("noa").doesNotContain("Noa");
        // the anonymous idea came without a department: none is looked up
        assertThat(anonymousRow).contains("customer-experience,,WEB,anonymous,");
    }

    @Test
    void leadersDownloadTheDashboardFigures() {
        HttpResponse<String> csv = http.get("lea", "/api/export/dashboard.csv");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment")
                .contains("filename=\"dashboard-");
        assertThat(csv.body())
                .startsWith(BOM + "figure,department,key,count,of,amount\r\n")
                .contains("\r\nfunnel,,SUBMITTED,")
                .contains("\r\nimplementation-rate,,");
        // the dashboard links the page paths, which the browser's session opens (the API wants a token)
        assertThat(http.browser("lea").get("/dashboard").body())
                .contains(
                        "href=\"/export/dashboard.csv\"",
                        "href=\"/export/ideas.csv\"",
                        "id=\"benefit-heading\"",
                        "id=\"implementation-by-month\"");
        assertThat(http.browser("lea").get("/dashboard?lang=he").body())
                .contains("dir=\"rtl\"", "שיעור היישום לאורך זמן", "הורדת כל הרעיונות (CSV)");
        assertThat(http.browser("lea").get("/dashboard?lang=pl").body()).contains("Odsetek wdrożeń w czasie");
        for (String path : List.of("/export/ideas.csv", "/export/dashboard.csv")) {
            HttpResponse<String> download = http.browser("lea").get(path);
            assertThat(download.statusCode()).as(path).isEqualTo(200);
            assertThat(download.body()).as(path).startsWith(BOM);
        }
    }

    @Test
    void everyoneButLeadersIsRefused() {
        for (String user : List.of("alice", "maya", "admin")) {
            for (String path : List.of("/api/export/ideas.csv", "/api/export/dashboard.csv")) {
                HttpResponse<String> refused = http.get(user, path);
                assertThat(refused.statusCode()).as("%s %s", user, path).isEqualTo(403);
                assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(refused.body()).doesNotContain("id,submitted");
            }
        }
        assertThat(http.browser("admin").get("/dashboard").body()).doesNotContain("/export/ideas.csv");
        assertThat(http.browser("alice").get("/export/ideas.csv").statusCode()).isEqualTo(403);
    }

    private UUID submit(Submitter submitter, String title, @Nullable String department, String... coSubmitters) {
        UUID ideaId = UUID.randomUUID();
        return router.submit(new IdeaSubmitted(
                UUID.randomUUID(),
                ideaId,
                Instant.now(),
                IdeaSubmitted.SCHEMA_VERSION,
                title,
                "Described in enough words to be understood.",
                "customer-experience",
                SubmissionChannel.WEB,
                submitter,
                department,
                "en",
                List.of(coSubmitters)));
    }

    private static String row(String csv, UUID ideaId) {
        return csv.lines()
                .filter(line -> line.startsWith(ideaId.toString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + ideaId));
    }
}
