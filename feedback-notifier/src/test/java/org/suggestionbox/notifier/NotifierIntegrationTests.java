package org.suggestionbox.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.web.client.RestClient;
import org.suggestionbox.events.CloudEventHeaders;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.events.EventIds;
import org.suggestionbox.events.IdeaDecided;
import org.suggestionbox.events.IdeaStatusChanged;
import org.suggestionbox.events.ProgressStatus;
import org.suggestionbox.events.Submitter;
import org.suggestionbox.events.Topics;
import org.suggestionbox.notifier.delivery.RecipientRefs;
import org.suggestionbox.platform.anonymity.IdentitySealer;
import org.suggestionbox.platform.anonymity.SealedContact;
import org.suggestionbox.platform.kafka.NonRetryableEventException;
import org.suggestionbox.platform.web.CursorPage;
import org.suggestionbox.testing.Infrastructure;
import org.suggestionbox.testing.KafkaProbe;
import org.thymeleaf.spring6.SpringTemplateEngine;

/** Lifecycle events in, inbox messages, e-mails and proofs out, against real Kafka, MongoDB-wire and SMTP. */
class NotifierIntegrationTests extends NotifierSpringIntegrationTest {

    @Autowired
    IdentitySealer sealer;

    @Autowired
    RecipientRefs refs;

    @Autowired
    MeterRegistry meters;

    @Autowired
    SpringTemplateEngine templates;

    @Test
    void theMailTemplatesExpressionsAreCompiled() {
        assertThat(templates.getEnableSpringELCompiler()).isTrue();
    }

    @Test
    void aDeclineReachesAliceInHerInboxAndByEmailAndIsProven(Infrastructure infrastructure) throws Exception {
        // given
        String title = "Shorter hold music " + shortId();
        IdeaDecided decided = decline(title, Submitter.person("alice"));

        // when
        publish(decided);

        // then
        List<Map<String, Object>> inbox = awaitInbox("alice", decided.ideaId(), 1);
        assertThat(inbox).singleElement().satisfies(entry -> {
            assertThat(entry)
                    .containsEntry("kind", "IDEA_DECLINED")
                    .containsEntry("read", false)
                    .containsEntry("ideaId", decided.ideaId().toString())
                    .containsEntry("link", "http://localhost:8082/ideas/" + decided.ideaId())
                    .containsKeys("id", "createdAt");
            assertThat((String) entry.get("title")).contains(title);
            assertThat((String) entry.get("body"))
                    .contains("Reason: Not feasible")
                    .contains("The phone system cannot change it before 2027.");
        });

        MimeMessage mail = awaitMail(infrastructure, "alice@suggestionbox.example", title);
        assertThat(mail.getFrom()[0].toString()).isEqualTo("suggestions@suggestionbox.example");
        assertThat(Mailbox.text(mail))
                .contains("Reason: Not feasible")
                .contains("The phone system cannot change it before 2027.")
                .contains("Hello Alice Walker,")
                .contains("<html lang=\"en\" dir=\"ltr\">");

        // alice has a Slack id and Slack is set up (a stand-in): inbox, e-mail and Slack by default
        List<ConsumerRecord<String, byte[]>> proofs = KafkaProbe.awaitRecords(
                Topics.NOTIFICATIONS_DELIVERED,
                3,
                WAIT,
                record -> decided.ideaId().toString().equals(record.key()));
        assertThat(proofs).hasSize(3);
        String aliceRef = refs.of("alice");
        assertThat(proofs)
                .extracting(record -> KafkaProbe.header(record, CloudEventHeaders.ID))
                .containsExactlyInAnyOrder(
                        EventIds.derive(decided.eventId(), aliceRef, DeliveryChannel.EMAIL)
                                .toString(),
                        EventIds.derive(decided.eventId(), aliceRef, DeliveryChannel.IN_APP)
                                .toString(),
                        EventIds.derive(decided.eventId(), aliceRef, DeliveryChannel.SLACK)
                                .toString());
        assertThat(proofs)
                .allSatisfy(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8))
                        .contains(
                                "\"type\":\"NotificationDelivered\"",
                                "\"sourceEventType\":\"IdeaDecided\"",
                                "\"recipientRole\":\"SUBMITTER\"",
                                "\"recipientRef\":\"" + aliceRef + "\"")
                        .doesNotContain("alice"));
        assertThat(meters.counter("notifications.delivered", "channel", "EMAIL", "kind", "IDEA_DECLINED")
                        .count())
                .isPositive();
    }

    @Test
    void aliceReadsHerInboxPageAndMarksAMessageRead() {
        IdeaDecided decided = decline("Brighter signs " + shortId(), Submitter.person("alice"));
        publish(decided);
        String id = (String) awaitInbox("alice", decided.ideaId(), 1).getFirst().get("id");
        long unreadBefore = unreadCount("alice");

        String page = client("alice").get().uri("/inbox").retrieve().body(String.class);
        assertThat(page)
                .contains("id=\"inbox-list\"")
                .contains("inbox-item")
                .contains(decided.title())
                .contains("Mark as read")
                .contains("name=\"_csrf\"");

        var response = client("alice")
                .post()
                .uri("/api/notifications/{id}/read", id)
                .retrieve()
                .toBodilessEntity();
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(inbox("alice", decided.ideaId()))
                .singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("read", true));
        assertThat(unreadCount("alice")).isEqualTo(unreadBefore - 1);

        // noa cannot mark alice's message
        assertThat(client("noa")
                        .post()
                        .uri("/api/notifications/{id}/read", id)
                        .retrieve()
                        .onStatus(status -> true, (request, reply) -> {})
                        .toBodilessEntity()
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void noaReadsHebrewRightToLeftAndPiotrReadsPolish(Infrastructure infrastructure) throws Exception {
        String title = "Self-service returns " + shortId();
        IdeaDecided decided = decline(title, Submitter.person("noa"), Submitter.person("piotr"));

        publish(decided);

        MimeMessage hebrewMail = awaitMail(infrastructure, "noa@suggestionbox.example", title);
        assertThat(hebrewMail.getContentType()).startsWith("multipart/alternative");
        MimeMultipart alternatives = (MimeMultipart) hebrewMail.getContent();
        assertThat(List.of(
                        alternatives.getBodyPart(0).getContentType(),
                        alternatives.getBodyPart(1).getContentType()))
                .containsExactly("text/plain; charset=UTF-8", "text/html; charset=UTF-8");
        assertThat(alternatives.getBodyPart(0).getHeader("Content-Transfer-Encoding"))
                .containsExactly("base64");
        assertThat(alternatives.getBodyPart(1).getHeader("Content-Transfer-Encoding"))
                .containsExactly("base64");
        assertThat(hebrewMail.getHeader("Content-Language")).containsExactly("he");
        String hebrew = Mailbox.text(hebrewMail);
        assertThat(hebrew)
                .contains("dir=\"rtl\"")
                .contains("lang=\"he\"")
                .contains("סיבה: לא ניתן לביצוע")
                // an argument in left-to-right letters isolated in its own direction (U+2068 ... U+2069): the
                // English explanation's full stop stays at its end inside the Hebrew sentence
                .contains("\u2068The phone system cannot change it before 2027.\u2069");
        MimeMessage polishMail = awaitMail(infrastructure, "piotr@suggestionbox.example", title);
        assertThat(polishMail.getSubject()).startsWith("Twój pomysł");
        assertThat(Mailbox.text(polishMail)).contains("lang=\"pl\" dir=\"ltr\"").contains("Powód: Niewykonalne");
        assertThat(awaitInbox("noa", decided.ideaId(), 1).getFirst().get("title"))
                .asString()
                .contains("נדחה");
        String page = client("noa").get().uri("/inbox").retrieve().body(String.class);
        assertThat(page).contains("dir=\"rtl\"").contains(title);
    }

    @Test
    void aRedeliveredEventSendsNothingTwice(Infrastructure infrastructure) throws Exception {
        String title = "Standing desks " + shortId();
        IdeaDecided decided = decline(title, Submitter.person("alice"));

        publish(decided);
        publish(decided);
        // a later event of the same idea, on the same partition: once it is delivered, both copies were handled
        IdeaStatusChanged later = new IdeaStatusChanged(
                UUID.randomUUID(),
                decided.ideaId(),
                Instant.now(),
                1,
                title,
                List.of(Submitter.person("alice")),
                "maya",
                ProgressStatus.IN_PROGRESS,
                "Ordered");
        publish(later);

        awaitInbox("alice", decided.ideaId(), 2);
        await().atMost(WAIT)
                .until(() -> Mailbox.mailsTo(infrastructure.greenMail(), "alice@suggestionbox.example", title)
                                .size()
                        >= 2);

        assertThat(inbox("alice", decided.ideaId()))
                .extracting(entry -> entry.get("kind"))
                .containsExactlyInAnyOrder("IDEA_DECLINED", "IDEA_IN_PROGRESS");
        assertThat(Mailbox.mailsTo(infrastructure.greenMail(), "alice@suggestionbox.example", title))
                .extracting(Mailbox::subject)
                .containsExactlyInAnyOrder(
                        "Your idea “" + title + "” was declined", "Work has started on your idea “" + title + "”");
    }

    @Test
    void anAnonymousSubmitterIsAnsweredWhileTheNotifierStoresNothingThatNamesThem(Infrastructure infrastructure)
            throws Exception {
        String title = "Anonymous feedback box " + shortId();
        Submitter anonymous = Submitter.anonymous(
                sealer.seal(new SealedContact("noa", "noa@suggestionbox.example", "he", "U0NOA", "29:noa")));
        IdeaDecided decided = decline(title, anonymous);

        publish(decided);

        assertThat(awaitInbox("noa", decided.ideaId(), 1).getFirst().get("body"))
                .asString()
                .contains("לא ניתן לביצוע")
                .contains("באופן אנונימי");
        assertThat(Mailbox.text(awaitMail(infrastructure, "noa@suggestionbox.example", title)))
                .contains("dir=\"rtl\"")
                .contains("שלום,");
        KafkaProbe.awaitRecords(
                Topics.NOTIFICATIONS_DELIVERED,
                2,
                WAIT,
                record -> decided.ideaId().toString().equals(record.key()));

        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.findAll(Document.class, collection)) {
                assertThat(document.toJson())
                        .as("a document in %s", collection)
                        .doesNotContain("noa@suggestionbox.example")
                        .doesNotContainIgnoringCase("noa")
                        .doesNotContain("U0NOA");
            }
        }
    }

    @Test
    void anEmailThatCanNeverBeSentEndsInTheDeadLetterTopicWhileTheInboxHasTheMessage() {
        // an address no mail server takes: every e-mail attempt fails, the in-app one does not
        String title = "Undeliverable " + shortId();
        Submitter unreachable = Submitter.anonymous(sealer.seal(new SealedContact("alice", "", "en", null, null)));
        IdeaDecided decided = decline(title, unreachable);
        double emailFailuresBefore =
                meters.counter("notifications.failed", "channel", "EMAIL").count();

        publish(decided);

        List<ConsumerRecord<String, byte[]>> deadLetters = KafkaProbe.awaitRecords(
                Topics.deadLetterOf(Topics.IDEAS_LIFECYCLE),
                1,
                WAIT,
                record -> decided.ideaId().toString().equals(record.key()));
        assertThat(deadLetters).singleElement().satisfies(record -> {
            assertThat(KafkaProbe.header(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                    .isEqualTo(NonRetryableEventException.class.getName());
            assertThat(new String(record.value(), StandardCharsets.UTF_8))
                    .contains(decided.eventId().toString());
        });
        assertThat(awaitLedgerRow(decided, DeliveryChannel.EMAIL, Filters.eq("state", "FAILED")))
                .containsEntry("attempts", 4);
        // she submitted it anonymously: no proof says which of her channels failed (the sentinel stands after the
        // dead letter, which came after the last try)
        assertThat(KafkaProbe.recordsBeforeSentinel(
                        Topics.NOTIFICATIONS_DELIVERED,
                        record -> decided.ideaId().toString().equals(record.key())
                                && new String(record.value(), StandardCharsets.UTF_8).contains("NotificationFailed")))
                .isEmpty();
        assertThat(inbox("alice", decided.ideaId()))
                .singleElement()
                .satisfies(entry -> assertThat((String) entry.get("title")).contains(title));
        // nor does a counter on the flow dashboard step the moment her idea is decided
        assertThat(meters.counter("notifications.failed", "channel", "EMAIL").count())
                .isEqualTo(emailFailuresBefore);
    }

    @Test
    void theInboxApiIsDescribedAndDeliveriesAreMeasuredWithoutPersonalLabels() {
        String docs = client("alice").get().uri("/v3/api-docs").retrieve().body(String.class);
        assertThat(docs)
                .contains(
                        "\"/api/notifications\"",
                        "\"/api/notifications/unread-count\"",
                        "\"/api/notifications/{id}/read\"");

        IdeaDecided decided = decline("Measured " + shortId(), Submitter.person("piotr"));
        publish(decided);
        awaitInbox("piotr", decided.ideaId(), 1);
        // the delivery is counted once the inbox has it, a moment after it can be read there
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(client("piotr")
                                .get()
                                .uri("/actuator/prometheus")
                                .retrieve()
                                .body(String.class))
                        .contains(
                                "notifications_delivered_total{application=\"feedback-notifier\",channel=\"IN_APP\",kind=\"IDEA_DECLINED\"}")
                        .doesNotContain("piotr")
                        .doesNotContain(decided.ideaId().toString()));
    }

    @Test
    void theApiNeedsSignInAndAnUnknownNotificationIsNotFound() {
        var anonymous = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .build()
                .get()
                .uri("/api/notifications")
                .retrieve()
                .onStatus(status -> true, (request, reply) -> {})
                .toBodilessEntity();
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        var unknown = client("alice")
                .post()
                .uri("/api/notifications/{id}/read", UUID.randomUUID())
                .retrieve()
                .onStatus(status -> true, (request, reply) -> {})
                .toEntity(String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void theInboxIsCursorPagedNewestFirstAndBadPagingIsABadRequest() {
        for (int i = 0; i < 3; i++) {
            IdeaDecided decided = decline("Paged " + i + " " + shortId(), Submitter.person("jan"));
            publish(decided);
            awaitInbox("jan", decided.ideaId(), 1);
        }
        List<Object> onePage = ids(client("jan")
                .get()
                .uri("/api/notifications?limit=200")
                .retrieve()
                .body(new ParameterizedTypeReference<CursorPage<Map<String, Object>>>() {}));
        List<Object> walked = new ArrayList<>();
        String cursor = null;
        do {
            CursorPage<Map<String, Object>> page = client("jan")
                    .get()
                    .uri("/api/notifications?limit=1" + (cursor == null ? "" : "&cursor=" + cursor))
                    .retrieve()
                    .body(new ParameterizedTypeReference<CursorPage<Map<String, Object>>>() {});
            assertThat(page.items()).hasSizeLessThanOrEqualTo(1);
            walked.addAll(ids(page));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(walked).hasSizeGreaterThanOrEqualTo(3).isEqualTo(onePage);
        assertThat(client("jan").get().uri("/inbox?limit=1").retrieve().body(String.class))
                .contains("rel=\"next\"");

        for (String query : List.of("limit=0", "limit=201", "limit=x", "cursor=bm9wZQ")) {
            var refused = client("jan")
                    .get()
                    .uri("/api/notifications?" + query)
                    .retrieve()
                    .onStatus(status -> true, (request, reply) -> {})
                    .toEntity(String.class);
            assertThat(refused.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getHeaders().getContentType()).as(query).hasToString("application/problem+json");
        }
    }

    private static List<Object> ids(CursorPage<Map<String, Object>> page) {
        return page.items().stream().map(entry -> entry.get("id")).toList();
    }
}
