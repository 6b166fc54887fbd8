package org.suggestionbox.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo content for a fresh local stack, entered the way people would: ideas submitted through intake's
 * API by alice (English), noa (Hebrew), piotr (Polish) and alice anonymously; then maya explores alice's
 * and declines noa's, and jan declines piotr's through the router's API, so each of the three hears an
 * outcome with its reason in their own language, in the inbox and the mail viewer.
 */
final class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private static final Duration QUEUE_TIMEOUT = Duration.ofSeconds(60);

    /** In the data directory once the demo ideas were submitted and decided. */
    static final String MARKER = "demo-data.done";

    private final DemoClient client = new DemoClient();

    private final String intakeUrl;

    private final String routerUrl;

    DemoData(String intakeUrl, String routerUrl) {
        this.intakeUrl = intakeUrl;
        this.routerUrl = routerUrl;
    }

    /**
     * Loads the demo data unless the data directory's marker says it was loaded; a failure is logged, not
     * thrown (the stack itself is up, and ideas that were submitted stay), and the next start tries again.
     */
    void loadOnce(Path dataDir) {
        Path marker = dataDir.resolve(MARKER);
        if (Files.exists(marker)) {
            return;
        }
        try {
            load();
            Files.writeString(marker, "Demo ideas were submitted; delete this file to submit them again.\n");
        } catch (IOException | RuntimeException ex) {
            LOG.warn(
                    "Demo data could not be loaded completely ({}); it will be tried again on the next start, "
                            + "ideas that were submitted stay",
                    ex.getMessage());
        }
    }

    void load() {
        String callBack = submit(
                "alice",
                "Offer a call-back instead of waiting on hold",
                "When the queue is longer than five minutes, customers could leave their number and we call them "
                        + "back in order. Fewer abandoned calls and calmer conversations.",
                "customer-experience",
                false);
        String chat = submit(
                "noa",
                "צ'אט חי באתר בשעות הערב",
                "לקוחות רבים פונים אלינו אחרי שמונה בערב. צ'אט קצר עם נציג אחד בערב יחסוך שיחות חוזרות למחרת בבוקר.",
                "customer-experience",
                false);
        String labels = submit(
                "piotr",
                "Etykiety z kodem QR na regałach magazynu",
                "Skanowanie kodu QR na regale pokazałoby od razu stan zapasów i ostatnią inwentaryzację. "
                        + "Mniej szukania i mniej pomyłek przy kompletacji.",
                "operations",
                false);
        submit(
                "alice",
                "Shorter scripts for the first minute of a call",
                "The opening script takes almost a minute. Customers get impatient before we even hear their problem.",
                "customer-experience",
                true);
        LOG.info("Demo ideas submitted; waiting for them to reach maya's queue");

        awaitInQueue("maya", callBack, chat);
        for (String colleague : List.of("noa", "piotr")) {
            this.client
                    .post(this.routerUrl + "/api/ideas/" + callBack + "/support", colleague, "{}")
                    .requireSuccess(colleague + " says \"me too\" to the call-back idea");
        }
        String expectedBy = LocalDate.now().plusDays(30).toString();
        this.client
                .post(
                        this.routerUrl + "/api/ideas/" + callBack + "/decision",
                        "maya",
                        """
                {"outcome":"EXPLORE","nextStep":%s,"expectedBy":%s,"explanation":%s}""".formatted(
                                        DemoClient.quote("Pilot the call-back option with two agents for one week"),
                                        DemoClient.quote(expectedBy),
                                        DemoClient.quote(
                                                "Good idea; we want numbers from a small pilot before changing the phone setup.")))
                .requireSuccess("Exploring the call-back idea");
        this.client
                .post(this.routerUrl + "/api/ideas/" + chat + "/decision", "maya", """
                {"outcome":"DECLINE","reasonCode":"NOT_FEASIBLE","explanation":%s}""".formatted(
                                DemoClient.quote("We cannot staff evenings this year; the self-service help pages "
                                        + "will get an evening FAQ instead.")))
                .requireSuccess("Declining the evening chat idea");
        awaitInQueue("jan", labels);
        this.client
                .post(this.routerUrl + "/api/ideas/" + labels + "/decision", "jan", """
                {"outcome":"DECLINE","reasonCode":"ALREADY_PLANNED","explanation":%s}""".formatted(
                                DemoClient.quote("Nowy system magazynowy z kodami QR wchodzi w marcu; "
                                        + "Twoje uwagi przekazaliśmy zespołowi wdrożenia.")))
                .requireSuccess("Declining the QR label idea");
        // piotr's sorted pick lists go all the way: jan explores, starts and implements them, with what they changed
        String pickLists = submit(
                "piotr",
                "Print pick lists sorted by aisle",
                "Pick lists come in order-number order, so pickers cross the warehouse again and again.",
                "operations",
                false);
        awaitInQueue("jan", pickLists);
        changeUntilDone(pickLists, "jan", "/decision", """
                {"outcome":"EXPLORE","nextStep":"Sort the lists in the warehouse system","expectedBy":%s,                "explanation":"Cheap to try with one team first."}""".formatted(DemoClient.quote(expectedBy)));
        changeUntilDone(pickLists, "jan", "/status", """
                {"status":"IN_PROGRESS","note":"One team picks from sorted lists this week."}""");
        changeUntilDone(pickLists, "jan", "/status", """
                {"status":"IMPLEMENTED","impact":{"summary":"Pickers walk each aisle once per list.",                "amount":40,"unit":"hours-saved-per-month"},"thankYouNote":"Dziękujemy, Piotr!"}""");
        LOG.info("Demo decisions: maya explored one idea (noa and piotr support it) and declined one, jan declined "
                + "one and implemented one");
    }

    /**
     * Posts an owner's step, again while the idea answers 409 because the notifier's proof of the previous
     * step changed it at the same moment (the owner would simply click again).
     */
    private void changeUntilDone(String ideaId, String owner, String action, String json) {
        for (int attempt = 1; ; attempt++) {
            DemoClient.Response response =
                    this.client.post(this.routerUrl + "/api/ideas/" + ideaId + action, owner, json);
            if (response.status() != 409 || attempt == 20) {
                response.requireSuccess(owner + " " + action + " on " + ideaId);
                return;
            }
            Pause.pause(Duration.ofMillis(500));
        }
    }

    private String submit(String user, String title, String description, String category, boolean anonymous) {
        String body = this.client
                .post(this.intakeUrl + "/api/ideas", user, """
                {"title":%s,"description":%s,"category":%s,"anonymous":%s}""".formatted(
                        DemoClient.quote(title), DemoClient.quote(description), DemoClient.quote(category), anonymous))
                .requireStatus(202, "Submitting \"" + title + "\" as " + user);
        return DemoClient.id(body);
    }

    private void awaitInQueue(String owner, String... ideaIds) {
        long deadline = System.nanoTime() + QUEUE_TIMEOUT.toNanos();
        while (true) {
            DemoClient.Response queue = this.client.get(this.routerUrl + "/api/queue?limit=200", owner);
            boolean all = queue.status() == 200;
            for (String id : ideaIds) {
                all &= queue.body().contains(id);
            }
            if (all) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Demo ideas did not reach " + owner + "'s queue within "
                        + QUEUE_TIMEOUT.toSeconds() + " s; last answer " + queue.status() + ": " + queue.body());
            }
            Pause.pause(Duration.ofMillis(500));
        }
    }
}
