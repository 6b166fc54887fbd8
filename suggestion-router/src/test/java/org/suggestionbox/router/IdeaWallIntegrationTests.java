package org.suggestionbox.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.suggestionbox.events.IdeaSubmitted;
import org.suggestionbox.events.SubmissionChannel;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.events.Visibility;
import org.suggestionbox.router.storage.IdeaStore;
import org.suggestionbox.router.support.RouterFlowTest;
import tools.jackson.databind.JsonNode;

/**
 * The idea wall as colleagues use it: what they see of whom, search in English and Polish, paging,
 * "me too" and the owner queue's order by it, and supporters on the decision that leaves.
 */
class IdeaWallIntegrationTests extends RouterFlowTest {

    private static final String DECIDED_TYPE = "org.suggestionbox.IdeaDecided.v1";

    @Test
    void aColleagueSeesCompanyIdeasNamedOnlyWhenChosenAndNeverAPrivateOne() {
        String word = nonce();
        UUID company = submit("alice", Visibility.COMPANY, "Quieter open office " + word, "Less noise.");
        UUID named = submit("alice", Visibility.COMPANY_NAMED, "Standing desks " + word, "Healthier days.");
        UUID hidden = submit("alice", Visibility.PRIVATE, "Private grievance " + word, "Only for my manager.");
        awaitAssigned(company, named, hidden);

        // the wall
        await().atMost(WAIT).until(() -> ids(wall("piotr", "?limit=200")).containsAll(List.of(company, named)));
        List<JsonNode> items = items(wall("piotr", "?limit=200"));
        assertThat(ids(items)).doesNotContain(hidden);
        JsonNode companyItem = item(items, company);
        assertThat(companyItem.get("submittedBy").isEmpty()).isTrue();
        assertThat(companyItem.get("anonymous").asBoolean()).isFalse();
        assertThat(companyItem.toString()).doesNotContain("alice").doesNotContain("Alice Walker");
        assertThat(item(items, named).get("submittedBy").findValuesAsString("name"))
                .containsExactly("Alice Walker");
        assertThat(item(items, named).get("owner").asString()).isEqualTo("Maya Rosen");

        // search finds the visible ones, never the private one
        await().atMost(WAIT).until(() -> ids(wall("alice", "?query=" + word)).contains(hidden));
        assertThat(ids(wall("piotr", "?query=" + word))).containsExactlyInAnyOrder(company, named);
        assertThat(ids(wall("lea", "?query=" + word))).containsExactlyInAnyOrder(company, named, hidden);

        // the idea itself, and its page
        assertThat(http.get("piotr", "/api/ideas/" + hidden).statusCode()).isEqualTo(403);
        assertThat(http.get("piotr", "/ideas/" + hidden).statusCode()).isEqualTo(403);
        HttpResponse<String> seen = http.get("piotr", "/api/ideas/" + company);
        assertThat(seen.statusCode()).isEqualTo(200);
        JsonNode view = json.readTree(seen.body());
        assertThat(view.get("submittedBy").isEmpty()).isTrue();
        assertThat(view.get("history").get(0).has("by"))
                .as("the submission's author")
                .isFalse();
        assertThat(seen.body()).doesNotContain("alice").doesNotContain("trackingTokenHash");
        assertThat(http.get("piotr", "/ideas/" + company).body())
                .contains("Quieter open office")
                .contains("Bez nazwiska")
                .doesNotContain("Alice Walker");
        assertThat(json.readTree(http.get("piotr", "/api/ideas/" + named).body())
                        .get("submittedBy")
                        .findValuesAsString("id"))
                .containsExactly("alice");

        // the page lists them too
        String page = http.get("piotr", "/ideas?query=" + word).body();
        assertThat(page)
                .contains("Quieter open office")
                .contains("Standing desks")
                .doesNotContain("Private grievance");
    }

    @Test
    void anAnonymousIdeaIsNeverNamedOnTheWall() {
        String word = nonce();
        IdeaSubmitted anonymous = new IdeaSubmitted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                Instant.now(),
                IdeaSubmitted.SCHEMA_VERSION,
                "Anonymous suggestion " + word,
                "Said without a name.",
                "customer-experience",
                SubmissionChannel.WEB,
                Submitter.anonymous(new org.suggestionbox.events.SealedIdentity("k1", "c2VhbGVk")),
                null,
                null,
                List.of(),
                "ab".repeat(32),
                Visibility.COMPANY_NAMED);
        UUID id = router.submit(anonymous);
        awaitAssigned(id);

        await().atMost(WAIT).until(() -> ids(wall("piotr", "?query=" + word)).contains(id));
        JsonNode item = item(items(wall("piotr", "?query=" + word)), id);
        assertThat(item.get("anonymous").asBoolean()).isTrue();
        assertThat(item.get("submittedBy").isEmpty()).isTrue();
        assertThat(item.get("visibility").asString()).isEqualTo("COMPANY");
        assertThat(item.toString()).doesNotContain("ab".repeat(32)).doesNotContain("c2VhbGVk");
    }

    @Test
    void anAnonymousIdeaShowsTheDayItCameNeverTheInstantWhileANamedOneShowsItsInstant() {
        String word = nonce();
        UUID named = submit("alice", Visibility.COMPANY, "Named and timed " + word, "Said with a name.");
        UUID anonymous = router.submit(new IdeaSubmitted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                Instant.now(),
                IdeaSubmitted.SCHEMA_VERSION,
                "Anonymous and dated " + word,
                "Said without a name.",
                "customer-experience",
                SubmissionChannel.WEB,
                Submitter.anonymous(new org.suggestionbox.events.SealedIdentity("k1", "c2VhbGVk")),
                null,
                null,
                List.of(),
                "cd".repeat(32),
                Visibility.COMPANY));
        awaitAssigned(named, anonymous);
        Instant namedAt = storedSubmittedAt(named);
        Instant anonymousAt = storedSubmittedAt(anonymous);

        // the wall API: the named idea's instant, then the anonymous idea's day (listed at its start, though it came
        // later)
        await().atMost(WAIT).until(() -> ids(wall("piotr", "?query=" + word)).containsAll(List.of(named, anonymous)));
        JsonNode first = wall("piotr", "?query=" + word + "&limit=1");
        assertThat(ids(first)).containsExactly(named);
        assertThat(items(first).getFirst().get("submittedAt").asString()).isEqualTo(namedAt.toString());
        JsonNode second = wall(
                "piotr",
                "?query=" + word + "&limit=1&cursor=" + first.get("nextCursor").asString());
        assertThat(ids(second)).containsExactly(anonymous);
        assertThat(items(second).getFirst().get("submittedAt").asString())
                .isEqualTo(anonymousAt.truncatedTo(ChronoUnit.DAYS).toString());

        // the idea API, for a colleague and for the owner: the submission, its routing and the deadline by the day
        for (String reader : List.of("piotr", "maya")) {
            JsonNode idea =
                    json.readTree(http.get(reader, "/api/ideas/" + anonymous).body());
            assertThat(List.of(
                            idea.get("submittedAt").asString(),
                            idea.get("answerDueBy").asString(),
                            idea.get("history").get(0).get("at").asString(),
                            idea.get("history").get(1).get("at").asString()))
                    .as(reader)
                    .allSatisfy(at -> assertThat(Instant.parse(at))
                            .isEqualTo(Instant.parse(at).truncatedTo(ChronoUnit.DAYS)));
        }
        assertThat(json.readTree(http.get("piotr", "/api/ideas/" + named).body())
                        .get("submittedAt")
                        .asString())
                .isEqualTo(namedAt.toString());

        // the idea page: every datetime on an anonymous idea's page is a day, and it shows dates only
        String page = http.get("piotr", "/ideas/" + anonymous).body();
        List<String> datetimes = datetimes(page);
        assertThat(datetimes)
                .isNotEmpty()
                .allSatisfy(at -> assertThat(Instant.parse(at))
                        .isEqualTo(Instant.parse(at).truncatedTo(ChronoUnit.DAYS)));
        assertThat(page)
                .contains("<time datetime=\"" + anonymousAt.truncatedTo(ChronoUnit.DAYS) + "\">"
                        + anonymousAt.atOffset(ZoneOffset.UTC).toLocalDate() + "</time>")
                .doesNotContain(anonymousAt.toString());
        assertThat(datetimes(http.get("piotr", "/ideas/" + named).body())).contains(namedAt.toString());
    }

    @Test
    void anAnonymousIdeasPlaceOnTheWallDoesNotTellWhenInItsDayItCame() {
        String word = nonce();
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS);
        UUID earlier = submitAt(day.plus(Duration.ofHours(9)), Submitter.person("alice"), "Named at nine " + word);
        UUID anonymous = submitAt(
                day.plus(Duration.ofHours(10)),
                Submitter.anonymous(new org.suggestionbox.events.SealedIdentity("k1", "c2VhbGVk")),
                "Anonymous at ten " + word);
        UUID later = submitAt(day.plus(Duration.ofHours(11)), Submitter.person("noa"), "Named at eleven " + word);
        UUID dayBefore = submitAt(day.minus(Duration.ofHours(1)), Submitter.person("alice"), "The day before " + word);
        awaitAssigned(earlier, anonymous, later, dayBefore);

        // newest first as the times are shown: between nine and eleven would say when she sent it; her day's
        // start says only the day, which the wall shows anyway
        await().atMost(WAIT).until(() -> ids(wall("piotr", "?query=" + word)).size() == 4);
        assertThat(ids(wall("piotr", "?query=" + word))).containsExactly(later, earlier, anonymous, dayBefore);
        // and page by page, the same order; the cursor after the anonymous idea holds its day, not its instant
        List<UUID> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = wall("piotr", "?query=" + word + "&limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
            paged.addAll(ids(page));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asString() : null;
            if (ids(page).contains(anonymous)) {
                assertThat(cursor).isNotNull();
                assertThat(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8))
                        .contains(day.toString())
                        .doesNotContain(day.plus(Duration.ofHours(10)).toString());
            }
        } while (cursor != null);
        assertThat(paged).containsExactly(later, earlier, anonymous, dayBefore);
    }

    private UUID submitAt(Instant at, Submitter submitter, String title) {
        return router.submit(new IdeaSubmitted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                at,
                IdeaSubmitted.SCHEMA_VERSION,
                title,
                "Said at " + at + ".",
                "customer-experience",
                SubmissionChannel.WEB,
                submitter,
                null,
                null,
                List.of(),
                submitter.isAnonymous() ? "ef".repeat(32) : null,
                Visibility.COMPANY));
    }

    private Instant storedSubmittedAt(UUID ideaId) {
        Document stored = mongo.findById(ideaId, Document.class, IdeaStore.COLLECTION);
        assertThat(stored).isNotNull();
        return stored.getDate("submittedAt").toInstant();
    }

    private static List<String> datetimes(String page) {
        List<String> found = new ArrayList<>();
        Matcher datetime = Pattern.compile("<time datetime=\"([^\"]+)\"").matcher(page);
        while (datetime.find()) {
            found.add(datetime.group(1));
        }
        return found;
    }

    @Test
    void searchFindsAnEnglishWordAndAPolishInflectedForm() {
        String word = nonce();
        UUID english = submit("alice", Visibility.COMPANY, "Recycle the printers " + word, "Old toner cartridges.");
        UUID polish = submit("piotr", Visibility.COMPANY, "Nowa drukarka " + word, "Stara drukarka się psuje.");
        awaitAssigned(english, polish);

        await().atMost(WAIT)
                .until(() ->
                        ids(wall("noa", "?query=" + encode("printer " + word))).contains(english));
        assertThat(ids(wall("noa", "?query=" + encode("printer " + word)))).containsExactly(english);
        assertThat(ids(wall("noa", "?query=" + encode("drukarki " + word)))).containsExactly(polish);
        assertThat(ids(wall("noa", "?query=" + encode("recycling " + word)))).containsExactly(english);
        assertThat(ids(wall("noa", "?query=" + encode("nothing-like-it " + word))))
                .isEmpty();
        // "You said, we did" lists implemented ideas only
        assertThat(ids(wall("noa", "?view=implemented&query=" + word))).isEmpty();
        assertThat(ids(wall("noa", "?view=IMPLEMENTED&state=ASSIGNED&query=" + word)))
                .isEmpty();
        assertThat(ids(wall("noa", "?state=assigned&query=" + word))).containsExactlyInAnyOrder(english, polish);
        assertThat(http.get("maya", "/ideas?view=implemented").body()).contains("You said, we did");
    }

    @Test
    void theWallIsPagedByCursorNewestFirstAndRefusesWhatItCannotTake() {
        String word = nonce();
        List<UUID> submitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            submitted.add(submit("alice", Visibility.COMPANY, "Paged wall idea " + i + " " + word, "Text."));
        }
        awaitAssigned(submitted.toArray(UUID[]::new));
        await().atMost(WAIT)
                .until(() -> ids(wall("piotr", "?limit=200&query=" + word)).size() == 5);

        List<UUID> onePage = ids(wall("piotr", "?limit=200&query=" + word));
        List<UUID> walked = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = wall("piotr", "?limit=2&query=" + word + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
            walked.addAll(ids(items(page)));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(walked).isEqualTo(onePage).containsExactlyInAnyOrderElementsOf(submitted);

        for (String bad : List.of(
                "?query=" + "x".repeat(201),
                "?state=NOT_A_STATE",
                "?category=" + "c".repeat(101),
                "?department=" + "d".repeat(101),
                "?view=everything",
                "?limit=201",
                "?cursor=not-a-cursor")) {
            HttpResponse<String> refused = http.get("piotr", "/api/ideas" + bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(json.readTree(http.get("piotr", "/api/ideas?state=nope&view=nope")
                                .body())
                        .get("errors")
                        .findValuesAsString("field"))
                .containsExactlyInAnyOrder("state", "view");
    }

    @Test
    void colleaguesSayMeTooAndTheOwnerSortsHerQueueByIt() {
        String word = nonce();
        UUID two = submit("alice", Visibility.COMPANY, "Two supporters " + word, "Text.");
        UUID one = submit("alice", Visibility.COMPANY, "One supporter " + word, "Text.");
        UUID none = submit("alice", Visibility.COMPANY, "No supporter " + word, "Text.");
        UUID hidden = submit("alice", Visibility.PRIVATE, "Not for colleagues " + word, "Text.");
        awaitAssigned(two, one, none, hidden);

        assertThat(support("piotr", two).get("supportCount").asInt()).isEqualTo(1);
        JsonNode twice = support("piotr", two);
        assertThat(twice.get("supportCount").asInt()).as("idempotent").isEqualTo(1);
        assertThat(twice.get("supportedByYou").asBoolean()).isTrue();
        assertThat(support("noa", two).get("supportCount").asInt()).isEqualTo(2);
        assertThat(support("jan", one).get("supportCount").asInt()).isEqualTo(1);
        // a private idea cannot be supported by who cannot see it; one's own idea not by oneself
        assertThat(http.postJson("piotr", "/api/ideas/" + hidden + "/support", "")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> own = http.postJson("alice", "/api/ideas/" + none + "/support", "");
        assertThat(own.statusCode()).isEqualTo(400);
        assertThat(json.readTree(own.body()).get("errors").findValuesAsString("field"))
                .containsExactly("supporter");

        // withdraw, twice
        HttpResponse<String> withdrawn = http.delete("jan", "/api/ideas/" + one + "/support");
        assertThat(json.readTree(withdrawn.body()).get("supportCount").asInt()).isZero();
        assertThat(json.readTree(http.delete("jan", "/api/ideas/" + one + "/support")
                                .body())
                        .get("supportedByYou")
                        .asBoolean())
                .isFalse();
        support("jan", one);

        // the wall says who supports what
        JsonNode item = item(items(wall("piotr", "?query=" + word)), two);
        assertThat(item.get("supportCount").asInt()).isEqualTo(2);
        assertThat(item.get("supportedByYou").asBoolean()).isTrue();
        assertThat(item.toString()).doesNotContain("noa");

        // the queue, most supported first, also page by page
        List<UUID> bySupport = queueIds("?sort=support&limit=200");
        assertThat(bySupport).containsSubsequence(two, one, none);
        List<Integer> counts =
                items(json.readTree(http.get("maya", "/api/queue?sort=support&limit=200")
                                .body()))
                        .stream()
                        .map(node -> node.get("supportCount").asInt())
                        .toList();
        assertThat(counts).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        List<UUID> walked = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = json.readTree(
                    http.get("maya", "/api/queue?sort=support&limit=3" + (cursor == null ? "" : "&cursor=" + cursor))
                            .body());
            walked.addAll(ids(items(page)));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(walked).isEqualTo(bySupport);
        assertThat(http.get("maya", "/api/queue?sort=loudest").statusCode()).isEqualTo(400);
        assertThat(http.get("maya", "/queue?sort=support").body()).contains("Most supported first");
    }

    @Test
    void theMeTooButtonWorksWithoutJavaScriptAndComesBackToTheWall() {
        String word = nonce();
        UUID id = submit("alice", Visibility.COMPANY, "Button idea " + word, "Text.");
        awaitAssigned(id);
        await().atMost(WAIT).until(() -> ids(wall("piotr", "?query=" + word)).contains(id));

        var browser = http.browser("piotr");
        String wallPage = browser.get("/ideas?query=" + word).body();
        // piotr reads the pages in Polish, his directory language
        assertThat(wallPage).contains("Ja też");
        HttpResponse<String> pressed =
                browser.submit(wallPage, "/ideas/" + id + "/support", Map.of("returnTo", "/ideas?query=" + word));
        assertThat(pressed.statusCode()).isEqualTo(302);
        assertThat(pressed.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/ideas?query=" + word));
        assertThat(browser.get("/ideas/" + id).body()).contains("Popierasz ten pomysł.");

        // in Hebrew, right to left
        String hebrew = http.get("noa", "/ideas?query=" + word).body();
        assertThat(hebrew).contains("dir=\"rtl\"").contains("גם אני").contains("Button idea");

        // a foreign place to go back to is ignored
        String ideaPage = browser.get("/ideas/" + id).body();
        HttpResponse<String> withdrawn = browser.submit(
                ideaPage, "/ideas/" + id + "/support/withdraw", Map.of("returnTo", "https://evil.example/"));
        assertThat(withdrawn.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/ideas/" + id));
        assertThat(item(items(wall("piotr", "?query=" + word)), id)
                        .get("supportCount")
                        .asInt())
                .isZero();
    }

    @Test
    void theDecisionCarriesItsThreeSupportersOnce() {
        UUID id = submit("alice", Visibility.COMPANY, "Supported by three " + nonce(), "Text.");
        awaitAssigned(id);
        support("piotr", id);
        support("noa", id);
        support("jan", id);

        HttpResponse<String> declined = http.postJson(
                "maya",
                "/api/ideas/" + id + "/decision",
                "{\"outcome\":\"DECLINE\",\"reasonCode\":\"NOT_FEASIBLE\",\"explanation\":\"Not this year.\"}");
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);

        var decided = relayed(id, DECIDED_TYPE);
        assertThat(decided).hasSize(1);
        assertThat(json.readTree(decided.getFirst().value())
                        .get("supporterIds")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly("piotr", "noa", "jan");
        // a declined idea takes no more support
        assertThat(http.postJson("lea", "/api/ideas/" + id + "/support", "").statusCode())
                .isEqualTo(409);
    }

    @Test
    void anIdeaStoredWithoutVisibilityIsPrivate() {
        UUID id = submit("alice", Visibility.COMPANY, "Stored before visibility " + nonce(), "Text.");
        awaitAssigned(id);
        assertThat(http.get("piotr", "/api/ideas/" + id).statusCode()).isEqualTo(200);

        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id)),
                new Update().unset("visibility").unset("supporterIds").unset("supportCount"),
                IdeaStore.COLLECTION);
        Document stored = mongo.findById(id, Document.class, IdeaStore.COLLECTION);
        assertThat(stored).isNotNull();
        assertThat(stored.containsKey("visibility")).isFalse();

        assertThat(http.get("piotr", "/api/ideas/" + id).statusCode()).isEqualTo(403);
        assertThat(ids(wall("piotr", "?limit=200"))).doesNotContain(id);
        JsonNode own = json.readTree(http.get("alice", "/api/ideas/" + id).body());
        assertThat(own.get("visibility").asString()).isEqualTo("PRIVATE");
        assertThat(own.get("supportCount").asInt()).isZero();
    }

    @Test
    void similarOpenIdeasAreOfferedWhileTypingOnlyIfOpenAndVisible() {
        String word = nonce();
        UUID open = submit("alice", Visibility.COMPANY, "Bicycle parking " + word, "Covered bicycle racks " + word);
        UUID hidden = submit("alice", Visibility.PRIVATE, "Bicycle parking too " + word, "Bicycle racks " + word);
        UUID declined = submit("alice", Visibility.COMPANY, "Bicycle racks again " + word, "Bicycle " + word);
        awaitAssigned(open, hidden, declined);
        assertThat(http.postJson(
                                "maya",
                                "/api/ideas/" + declined + "/decision",
                                "{\"outcome\":\"DECLINE\",\"reasonCode\":\"ALREADY_PLANNED\",\"explanation\":\"Planned.\"}")
                        .statusCode())
                .isEqualTo(200);

        String path = "/api/ideas/similar?text=" + encode("We need bicycle racks " + word);
        await().atMost(WAIT).until(() -> similarIds(http.get("piotr", path)).contains(open));
        HttpResponse<String> similar = http.get("piotr", path);
        assertThat(similar.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        List<UUID> ids = similarIds(similar);
        assertThat(ids).contains(open).doesNotContain(hidden, declined).hasSizeLessThanOrEqualTo(5);
        JsonNode first = json.readTree(similar.body()).get(0);
        assertThat(first.get("url").asString())
                .endsWith("/ideas/" + first.get("id").asString());

        assertThat(http.get("piotr", "/api/ideas/similar?text=" + "x".repeat(5_001))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void intakesFormAsksForSimilarIdeasWithThePersonsRouterSessionFromIntakesOriginOnly() throws Exception {
        String word = nonce();
        UUID open = submit("alice", Visibility.COMPANY, "Standing desks " + word, "Standing desks for " + word);
        awaitAssigned(open);
        String path = "/ideas/similar?text=" + encode("More standing desks " + word);
        await().atMost(WAIT)
                .until(() -> similarIds(http.get("piotr", "/api" + path)).contains(open));

        // piotr signs in at the router the way a browser does, and keeps only the session cookie
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        URI base = URI.create("http://localhost:" + port);
        HttpResponse<String> form = browser.send(
                HttpRequest.newBuilder(base.resolve("/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).as(form.body()).isTrue();
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(base.resolve("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=piotr&password=demo&_csrf=" + encode(csrf.group(1))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);

        // from intake's origin, the session answers, and the browser may read the answer
        HttpResponse<String> fromIntake = browser.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Origin", "http://localhost:8081")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fromIntake.statusCode()).as(fromIntake.body()).isEqualTo(200);
        assertThat(similarIds(fromIntake)).contains(open);
        assertThat(fromIntake.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("http://localhost:8081");
        assertThat(fromIntake.headers().firstValue("Access-Control-Allow-Credentials"))
                .hasValue("true");

        // another origin is refused, and the stateless API reads no session
        HttpResponse<String> fromElsewhere = browser.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Origin", "https://evil.example")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fromElsewhere.statusCode()).isEqualTo(403);
        assertThat(fromElsewhere.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
        HttpResponse<String> api = browser.send(
                HttpRequest.newBuilder(base.resolve("/api" + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
    }

    @Test
    void aCoSubmitterIsNamedToColleaguesOnlyOnceTheyAgree() {
        UUID id = submit("alice", List.of("noa"), Visibility.COMPANY_NAMED, "Shared idea " + nonce(), "Text.");
        awaitAssigned(id);
        assertThat(names("piotr", id)).containsExactly("alice");
        assertThat(names("maya", id)).as("the owner").containsExactly("alice", "noa");

        HttpResponse<String> notACoSubmitter = http.postJson("piotr", "/api/ideas/" + id + "/named", "");
        assertThat(notACoSubmitter.statusCode()).isEqualTo(400);
        assertThat(http.postJson("noa", "/api/ideas/" + id + "/named", "").statusCode())
                .isEqualTo(204);
        assertThat(http.postJson("noa", "/api/ideas/" + id + "/named", "").statusCode())
                .as("again")
                .isEqualTo(204);

        assertThat(names("piotr", id)).containsExactly("alice", "noa");
    }

    @Test
    void aCoSubmitterAgreesToBeNamedOnTheIdeaPageWithoutJavaScript() {
        UUID id = submit("maya", List.of("lea"), Visibility.COMPANY_NAMED, "Named on the page " + nonce(), "Text.");
        awaitAssigned(id);
        var browser = http.browser("lea");
        String page = browser.get("/ideas/" + id).body();
        assertThat(page).contains("Show my name");
        assertThat(http.get("maya", "/ideas/" + id).body()).as("the submitter").doesNotContain("Show my name");

        HttpResponse<String> agreed = browser.submit(page, "/ideas/" + id + "/named", Map.of());
        assertThat(agreed.statusCode()).isEqualTo(302);
        assertThat(browser.get("/ideas/" + id + "?named").body())
                .contains("Colleagues now see your name")
                .doesNotContain("Show my name");
        assertThat(names("piotr", id)).containsExactly("maya", "lea");
    }

    @Test
    void aMergedDuplicatesSupportersFollowTheOriginalAndColleaguesDoNotSeeTheMergeNote() {
        String word = nonce();
        UUID original = submit("alice", Visibility.PRIVATE, "Original " + word, "Text.");
        UUID duplicate = submit("noa", Visibility.COMPANY, "Duplicate " + word, "Text.");
        awaitAssigned(original, duplicate);
        support("piotr", duplicate);
        assertThat(http.get("piotr", "/api/ideas/" + original).statusCode()).isEqualTo(403);

        HttpResponse<String> merged = http.postJson(
                "maya",
                "/api/ideas/" + duplicate + "/merge",
                "{\"originalId\":\"" + original + "\",\"note\":\"internal note " + word + "\"}");
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);

        // piotr follows the original now, and sees it
        JsonNode originalView =
                json.readTree(http.get("piotr", "/api/ideas/" + original).body());
        assertThat(originalView.get("supportCount").asInt()).isEqualTo(1);
        assertThat(originalView.get("supportedByYou").asBoolean()).isTrue();
        assertThat(http.get("piotr", "/api/ideas/" + duplicate).body()).doesNotContain("internal note");
        assertThat(http.get("noa", "/api/ideas/" + duplicate).body()).contains("internal note " + word);

        http.postJson(
                "maya",
                "/api/ideas/" + original + "/decision",
                "{\"outcome\":\"DECLINE\",\"reasonCode\":\"NOT_FEASIBLE\",\"explanation\":\"No.\"}");
        var decided = relayed(original, DECIDED_TYPE);
        assertThat(decided).hasSize(1);
        JsonNode supporters = json.readTree(decided.getFirst().value()).get("supporterIds");
        assertThat(supporters.size()).isEqualTo(1);
        assertThat(supporters.get(0).asString()).isEqualTo("piotr");
    }

    private List<String> names(String reader, UUID id) {
        return json.readTree(http.get(reader, "/api/ideas/" + id).body())
                .get("submittedBy")
                .findValuesAsString("id");
    }

    private List<UUID> similarIds(HttpResponse<String> response) {
        List<UUID> ids = new ArrayList<>();
        json.readTree(response.body())
                .forEach(node -> ids.add(UUID.fromString(node.get("id").asString())));
        return ids;
    }

    private JsonNode support(String person, UUID id) {
        HttpResponse<String> response = http.postJson(person, "/api/ideas/" + id + "/support", "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private List<UUID> queueIds(String query) {
        return ids(items(json.readTree(http.get("maya", "/api/queue" + query).body())));
    }

    private UUID submit(String submitter, @Nullable Visibility visibility, String title, String description) {
        return submit(submitter, List.of(), visibility, title, description);
    }

    private UUID submit(
            String submitter,
            List<String> coSubmitters,
            @Nullable Visibility visibility,
            String title,
            String description) {
        return router.submit(new IdeaSubmitted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                Instant.now(),
                IdeaSubmitted.SCHEMA_VERSION,
                title,
                description,
                "customer-experience",
                SubmissionChannel.WEB,
                Submitter.person(submitter),
                "Customer Service",
                "en",
                coSubmitters,
                null,
                visibility));
    }

    /** Waits until maya, the owner by the routing rules, has each idea. */
    private void awaitAssigned(UUID... ids) {
        for (UUID id : ids) {
            await().atMost(WAIT).until(() -> {
                HttpResponse<String> response = http.get("maya", "/api/ideas/" + id);
                return response.statusCode() == 200
                        && "ASSIGNED"
                                .equals(json.readTree(response.body())
                                        .get("state")
                                        .asString());
            });
        }
    }

    private JsonNode wall(String person, String query) {
        HttpResponse<String> response = http.get(person, "/api/ideas" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static List<JsonNode> items(JsonNode page) {
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }

    private static List<UUID> ids(JsonNode page) {
        return ids(items(page));
    }

    private static List<UUID> ids(List<JsonNode> items) {
        return items.stream()
                .map(node -> UUID.fromString(node.get("id").asString()))
                .toList();
    }

    private static JsonNode item(List<JsonNode> items, UUID id) {
        return items.stream()
                .filter(node -> id.toString().equals(node.get("id").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("idea " + id + " is not listed"));
    }

    /** A word no other idea has, so that a search finds only this test's ideas. */
    private static String nonce() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
