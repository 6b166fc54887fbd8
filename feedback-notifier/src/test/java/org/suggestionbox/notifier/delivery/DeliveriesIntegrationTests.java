package org.suggestionbox.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.events.NotificationDelivered;
import org.suggestionbox.events.NotificationEvent;
import org.suggestionbox.events.NotificationFailed;
import org.suggestionbox.events.RecipientRole;
import org.suggestionbox.notifier.config.NotifierProperties;
import org.suggestionbox.notifier.message.Contact;
import org.suggestionbox.notifier.message.Message;
import org.suggestionbox.notifier.message.MessageKind;
import org.suggestionbox.notifier.message.Recipient;
import org.suggestionbox.notifier.proof.NotificationProofPublisher;
import org.suggestionbox.platform.kafka.KafkaEventsProperties;
import org.suggestionbox.platform.kafka.NonRetryableEventException;
import org.suggestionbox.testing.Infrastructure;
import org.suggestionbox.testing.SuggestionBoxInfrastructure;

/**
 * The ledger against the MongoDB-wire server, with channels that fail on cue: each call of
 * {@code deliver} stands for one delivery of the record by the listener container (the first and its
 * retries).
 */
@SuggestionBoxInfrastructure
class DeliveriesIntegrationTests {

    private static final int RETRIES = 3;

    private static final KafkaEventsProperties KAFKA = new KafkaEventsProperties(
            3,
            (short) 1,
            RETRIES,
            Duration.ofMillis(200),
            Duration.ofSeconds(2),
            Duration.ofSeconds(1),
            new KafkaEventsProperties.Linger(Duration.ZERO, 40, 10, 3));
    private static final LedgerRetryProperties LEDGER_RETRIES = new LedgerRetryProperties(
            3, Duration.ofMinutes(1), Duration.ofMinutes(4), Duration.ofSeconds(1), 10, Duration.ofMinutes(5));

    private final MovableClock clock = new MovableClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final NotificationProofPublisher proof = mock(NotificationProofPublisher.class);
    private final RecipientRefs refs = new RecipientRefs("test-ref-key");
    /** noa's idea; when she submitted it anonymously, her deliveries are proven under a reference made for it. */
    private static final UUID NOA_IDEA = UUID.randomUUID();

    private final FlakyChannel inbox = new FlakyChannel(DeliveryChannel.IN_APP);
    private final FlakyChannel email = new FlakyChannel(DeliveryChannel.EMAIL);
    private final FlakyChannel webhook = new FlakyChannel(DeliveryChannel.WEBHOOK, true);

    /** The write commands sent to the ledger. */
    private final LedgerWrites ledgerWrites = new LedgerWrites();

    private MongoClient client;
    private MongoTemplate mongo;
    private DeliveryLedger ledger;
    private Deliveries deliveries;
    private Deliveries withPersonalDestination;

    @BeforeEach
    void setUp(Infrastructure infrastructure) {
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(infrastructure.mongoUri()))
                .addCommandListener(ledgerWrites)
                .build());
        mongo = new MongoTemplate(
                client, "notifier_deliveries_" + UUID.randomUUID().toString().replace("-", ""));
        ledger = new DeliveryLedger(mongo);
        ledger.createIndexes();
        deliveries = deliveries(ChannelChoices.ALL, ledger, inbox, email);
        withPersonalDestination = deliveries(ChannelChoices.ALL, ledger, inbox, email, webhook);
        when(proof.publishAsync(any())).thenReturn(CompletableFuture.completedFuture(true));
        when(proof.publish(any())).thenReturn(true);
    }

    @AfterEach
    void tearDown() {
        mongo.getDb().drop();
        client.close();
    }

    @Test
    void aChannelFailingTwiceThenSucceedingSendsOneMessageAndTheOtherChannelsAreNotRepeated() {
        List<Message> messages = List.of(messageToNoa());
        email.failNext(2);

        assertThatExceptionOfType(DeliveryFailedException.class).isThrownBy(() -> deliveries.deliver(messages));
        assertThat(ledgerRow(DeliveryChannel.EMAIL).getString("lastError"))
                .contains("<address>")
                .doesNotContain("noa@");
        assertThatExceptionOfType(DeliveryFailedException.class).isThrownBy(() -> deliveries.deliver(messages));
        deliveries.deliver(messages);

        assertThat(email.sent).hasSize(1);
        assertThat(email.calls).isEqualTo(3);
        assertThat(inbox.sent).hasSize(1);
        assertThat(inbox.calls).isEqualTo(1);
        assertThat(ledgerRow(DeliveryChannel.EMAIL))
                .containsEntry("state", "SENT")
                .containsEntry("attempts", 3)
                .containsEntry("published", true)
                .doesNotContainKey("lastError");
        assertThat(published())
                .filteredOn(NotificationDelivered.class::isInstance)
                .extracting(NotificationEvent::channel)
                .containsExactlyInAnyOrder(DeliveryChannel.IN_APP, DeliveryChannel.EMAIL);
        assertThat(meters.counter("notifications.delivered", "channel", "EMAIL", "kind", "IDEA_DECLINED")
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void aChannelDownForGoodIsProvenFailedAfterTheLastRetryAndTheEventIsGivenUp() {
        List<Message> messages = List.of(messageToNoa());
        email.failNext(Integer.MAX_VALUE);

        deliverUntilGivenUp(messages);

        assertThat(inbox.sent).hasSize(1);
        assertThat(email.calls).isEqualTo(RETRIES + 1);
        assertThat(published())
                .filteredOn(NotificationFailed.class::isInstance)
                .singleElement()
                .satisfies(event -> {
                    NotificationFailed failed = (NotificationFailed) event;
                    assertThat(failed.channel()).isEqualTo(DeliveryChannel.EMAIL);
                    assertThat(failed.attempts()).isEqualTo(RETRIES + 1);
                    assertThat(failed.recipientRef()).isEqualTo(refs.of("noa"));
                    assertThat(failed.cause()).doesNotContain("noa@");
                });
        assertThat(ledgerRow(DeliveryChannel.EMAIL)).containsEntry("state", "FAILED");
        assertThat(meters.counter("notifications.failed", "channel", "EMAIL").count())
                .isEqualTo(1.0);
    }

    @Test
    void anAnonymousSubmitterIsProvenInHerInboxOnlyThoughEveryChannelSheChoseDelivers() {
        webhook.failNext(1);

        withPersonalDestination.deliver(List.of(anonymousMessageToNoa()));
        clock.advance(LEDGER_RETRIES.maxBackOff());
        assertThat(withPersonalDestination.retryDue(10)).isEqualTo(1);

        assertThat(inbox.sent).hasSize(1);
        assertThat(email.sent).hasSize(1);
        assertThat(webhook.sent).hasSize(1);
        // which other channels she chose (here her own webhook) would narrow down who she is
        assertThat(published()).singleElement().satisfies(event -> {
            assertThat(event).isInstanceOf(NotificationDelivered.class);
            assertThat(event.channel()).isEqualTo(DeliveryChannel.IN_APP);
            assertThat(event.recipientRef()).isEqualTo(anonymousNoaRef()).isNotEqualTo(refs.of("noa"));
        });
        // and nothing is left for the proof sweep to publish
        for (DeliveryChannel channel :
                List.of(DeliveryChannel.IN_APP, DeliveryChannel.EMAIL, DeliveryChannel.WEBHOOK)) {
            assertThat(ledgerRow(channel, anonymousNoaRef()))
                    .as(channel.name())
                    .containsEntry("state", "SENT")
                    .containsEntry("published", true);
        }
        // nor do the counters on the flow dashboard, which step the moment her idea is decided
        assertThat(meters.counter("notifications.delivered", "channel", "IN_APP", "kind", "IDEA_DECLINED")
                        .count())
                .isEqualTo(1.0);
        for (String channel : List.of("EMAIL", "WEBHOOK")) {
            assertThat(meters.counter("notifications.delivered", "channel", channel, "kind", "IDEA_DECLINED")
                            .count())
                    .as(channel)
                    .isZero();
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void anAnonymousSubmittersChannelsDownForGoodAreGivenUpWithoutAProofThatNamesThem(CapturedOutput output) {
        // e-mail down: the event is retried, then given up
        List<Message> messages = List.of(anonymousMessageToNoa());
        email.failNext(Integer.MAX_VALUE);
        deliverUntilGivenUp(messages);
        // her own webhook down, for the next message: retried from the ledger, then given up
        email.failNext(0);
        webhook.failNext(Integer.MAX_VALUE);
        Message toHerWebhook = anonymousMessageToNoa();
        withPersonalDestination.deliver(List.of(toHerWebhook));
        retryFromTheLedgerUntilTheLastAttempt();

        assertThat(ledgerRow(DeliveryChannel.EMAIL, anonymousNoaRef())).containsEntry("state", "FAILED");
        assertThat(ledgerRow(DeliveryChannel.WEBHOOK, anonymousNoaRef())).containsEntry("givenUp", true);
        // the inbox's proof of each message, and nothing else
        assertThat(published()).hasSize(2).allSatisfy(event -> {
            assertThat(event).isInstanceOf(NotificationDelivered.class);
            assertThat(event.channel()).isEqualTo(DeliveryChannel.IN_APP);
        });
        // no counter steps on them; the operators read what failed in the log, which names neither event
        assertThat(meters.counter("notifications.failed", "channel", "EMAIL").count())
                .isZero();
        assertThat(meters.counter("notifications.failed", "channel", "WEBHOOK").count())
                .isZero();
        assertThat(output.getOut())
                .contains("to Recipient[role=SUBMITTER, Contact[anonymous]]] on EMAIL failed for good")
                .contains("to Recipient[role=SUBMITTER, Contact[anonymous]]] on WEBHOOK failed for good")
                .doesNotContain(messages.getFirst().sourceEventId().toString())
                .doesNotContain(toHerWebhook.sourceEventId().toString());
    }

    @Test
    void anAnonymousSubmittersInboxDownForGoodIsProvenFailedUnderHerReferenceForTheIdea() {
        List<Message> messages = List.of(anonymousMessageToNoa());
        inbox.failNext(Integer.MAX_VALUE);

        deliverUntilGivenUp(messages);

        assertThat(published())
                .filteredOn(NotificationFailed.class::isInstance)
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.channel()).isEqualTo(DeliveryChannel.IN_APP);
                    assertThat(event.recipientRef()).isEqualTo(anonymousNoaRef());
                });
    }

    @Test
    void aChannelThePersonDidNotChooseIsNotUsedButTheInboxAlwaysIs() {
        Deliveries choosy = deliveries(recipientRef -> java.util.Set.of(), ledger, inbox, email);

        choosy.deliver(List.of(messageToNoa()));

        assertThat(inbox.sent).hasSize(1);
        assertThat(email.calls).isZero();
        assertThat(ledgerRow(DeliveryChannel.EMAIL)).isNull();
    }

    @Test
    void aRedeliveredEventSendsNothingAndProvesNothingAgain() {
        List<Message> messages = List.of(messageToNoa());

        deliveries.deliver(messages);
        deliveries.deliver(messages);

        assertThat(inbox.sent).hasSize(1);
        assertThat(email.sent).hasSize(1);
        verify(proof, times(2)).publishAsync(any());
    }

    @Test
    void aLargeBatchOfEventsDeliveredBeforeClaimsOnlyItsNewDeliveries() {
        // a replay: the router publishes its ideas' events again under the same ids, among them one new
        List<List<Message>> delivered = new ArrayList<>();
        for (int i = 0; i < DeliveryLedger.READ_SENT_FIRST; i++) {
            delivered.add(List.of(messageToNoa()));
        }
        deliveries.deliverAll(delivered);
        List<List<Message>> replayed = new ArrayList<>(delivered);
        replayed.add(List.of(messageToNoa()));
        ledgerWrites.commands.clear();

        assertThat(deliveries.deliverAll(replayed)).containsOnlyNulls();

        assertThat(inbox.sent).hasSize(DeliveryLedger.READ_SENT_FIRST + 1);
        assertThat(email.sent).hasSize(DeliveryLedger.READ_SENT_FIRST + 1);
        // the new event's two deliveries claimed, then marked sent and published together; the sent rows only read
        assertThat(ledgerWrites.commands).containsExactly("insert 2", "update 1");
    }

    @Test
    void aDeliveryWhoseProofTheBrokerAcknowledgedIsMarkedSentAndPublishedInOneUpdate() {
        deliveries.deliver(List.of(messageToNoa()));

        // the claims of both channels inserted, then one update for both rows
        assertThat(ledgerWrites.commands).containsExactly("insert 2", "update 1");
        assertThat(ledgerRow(DeliveryChannel.IN_APP))
                .containsEntry("state", "SENT")
                .containsEntry("published", true);
        assertThat(ledgerRow(DeliveryChannel.EMAIL))
                .containsEntry("state", "SENT")
                .containsEntry("published", true);
    }

    @Test
    void aNotifierStoppedBeforeItMarkedTheSendsSendsAgainAndProvesUnderTheSameIds() {
        // the proofs were acknowledged, then the write that marks the rows sent and published failed
        DeliveryLedger failingOnce = new DeliveryLedger(mongo) {
            private boolean failed;

            @Override
            void markSentAll(Collection<Delivery> sent, Set<UUID> acknowledged, Instant now) {
                if (!failed) {
                    failed = true;
                    throw new DataAccessResourceFailureException("the store went away");
                }
                super.markSentAll(sent, acknowledged, now);
            }
        };
        Deliveries stopping = deliveries(ChannelChoices.ALL, failingOnce, inbox, email);
        List<Message> messages = List.of(messageToNoa());

        assertThatExceptionOfType(DataAccessResourceFailureException.class)
                .isThrownBy(() -> stopping.deliver(messages));
        stopping.deliver(messages);
        stopping.deliver(messages);

        // sent again once (the inbox keeps one message: its key is the delivery's, InboxStoreTests), then never
        assertThat(inbox.sent).hasSize(2);
        assertThat(email.sent).hasSize(2);
        assertThat(published())
                .extracting(NotificationEvent::eventId)
                .hasSize(4)
                .containsOnly(
                        proofId(DeliveryChannel.IN_APP, messages.getFirst()),
                        proofId(DeliveryChannel.EMAIL, messages.getFirst()));
        assertThat(ledgerRow(DeliveryChannel.EMAIL))
                .containsEntry("state", "SENT")
                .containsEntry("published", true)
                .containsEntry("attempts", 2);
    }

    private UUID proofId(DeliveryChannel channel, Message message) {
        return Delivery.of(message, refs.of("noa"), channel).proofEventId();
    }

    @Test
    void aProofTheBrokerDidNotAcknowledgeIsPublishedByTheSweep() {
        when(proof.publishAsync(any())).thenReturn(CompletableFuture.completedFuture(false));
        deliveries.deliver(List.of(messageToNoa()));
        assertThat(ledgerRow(DeliveryChannel.EMAIL))
                .containsEntry("state", "SENT")
                .containsEntry("published", false);

        when(proof.publish(any())).thenReturn(true);
        NotifierProperties properties = new NotifierProperties(
                "from@example",
                "key",
                ZoneOffset.UTC,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                4);
        Clock later = Clock.offset(clock, Duration.ofMinutes(1));
        new ProofSweeper(ledger, deliveries, properties, later).sweep();

        assertThat(ledgerRow(DeliveryChannel.EMAIL)).containsEntry("published", true);
        assertThat(ledgerRow(DeliveryChannel.IN_APP)).containsEntry("published", true);
        assertThat(email.sent).hasSize(1);
    }

    @Test
    void aFailingPersonalDestinationDoesNotFailTheEventAndIsRetriedFromTheLedgerWithBackOff() {
        List<Message> messages = List.of(messageToNoa());
        webhook.failNext(1);

        withPersonalDestination.deliver(messages); // no exception: the listener goes on with the next record

        assertThat(inbox.sent).hasSize(1);
        assertThat(email.sent).hasSize(1);
        Document waiting = ledgerRow(DeliveryChannel.WEBHOOK);
        assertThat(waiting)
                .containsEntry("state", "FAILED")
                .containsEntry("attempts", 1)
                .containsKey("retryMessage");
        assertThat(waiting.getString("lastError")).doesNotContain("noa@");
        assertThat(waiting.get("retryMessage").toString())
                .doesNotContain("noa@")
                .doesNotContain("\"noa\"");
        assertThat(withPersonalDestination.retryDue(10))
                .as("not due before its back-off")
                .isZero();

        clock.advance(Duration.ofMinutes(1));
        assertThat(withPersonalDestination.retryDue(10)).isEqualTo(1);

        assertThat(webhook.sent).singleElement().satisfies(message -> {
            assertThat(message.title()).isEqualTo("title");
            assertThat(message.locale()).isEqualTo(Locale.forLanguageTag("he"));
            assertThat(message.recipient().role()).isEqualTo(RecipientRole.SUBMITTER);
        });
        assertThat(ledgerRow(DeliveryChannel.WEBHOOK))
                .containsEntry("state", "SENT")
                .containsEntry("attempts", 2)
                .doesNotContainKey("retryMessage")
                .doesNotContainKey("retryAt")
                .containsEntry("published", true);
        assertThat(published())
                .filteredOn(NotificationDelivered.class::isInstance)
                .extracting(NotificationEvent::channel)
                .contains(DeliveryChannel.WEBHOOK);
    }

    @Test
    void aPersonalDestinationDownForGoodEndsAsNotificationFailedWhileTheInboxHasTheMessage() {
        webhook.failNext(Integer.MAX_VALUE);

        withPersonalDestination.deliver(List.of(messageToNoa()));
        retryFromTheLedgerUntilTheLastAttempt();
        clock.advance(LEDGER_RETRIES.maxBackOff());

        assertThat(withPersonalDestination.retryDue(10))
                .as("nothing left to retry")
                .isZero();
        assertThat(webhook.calls).isEqualTo(LEDGER_RETRIES.maxAttempts());
        assertThat(inbox.sent).hasSize(1);
        assertThat(ledgerRow(DeliveryChannel.WEBHOOK))
                .containsEntry("state", "FAILED")
                .containsEntry("givenUp", true)
                .doesNotContainKey("retryMessage");
        assertThat(published())
                .filteredOn(NotificationFailed.class::isInstance)
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.channel()).isEqualTo(DeliveryChannel.WEBHOOK);
                    assertThat(((NotificationFailed) event).attempts()).isEqualTo(LEDGER_RETRIES.maxAttempts());
                });
    }

    @Test
    void aDestinationThePolicyRefusesIsGivenUpAtOnce() {
        webhook.refuseDestination();

        withPersonalDestination.deliver(List.of(messageToNoa()));

        assertThat(webhook.calls).isEqualTo(1);
        assertThat(ledgerRow(DeliveryChannel.WEBHOOK)).containsEntry("givenUp", true);
        assertThat(published())
                .filteredOn(NotificationFailed.class::isInstance)
                .singleElement()
                .satisfies(event ->
                        assertThat(((NotificationFailed) event).cause()).contains("refused"));
    }

    @Test
    void theBackOffDoublesUpToItsLongestPause() {
        assertThat(LEDGER_RETRIES.backOff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(LEDGER_RETRIES.backOff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(LEDGER_RETRIES.backOff(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(LEDGER_RETRIES.backOff(10)).isEqualTo(Duration.ofMinutes(4));
    }

    /** Delivers {@code messages} as the listener's tries would: each but the last is retried, the last gives up. */
    private void deliverUntilGivenUp(List<Message> messages) {
        for (int attempt = 1; attempt <= RETRIES; attempt++) {
            assertThatExceptionOfType(DeliveryFailedException.class).isThrownBy(() -> deliveries.deliver(messages));
        }
        assertThatExceptionOfType(NonRetryableEventException.class).isThrownBy(() -> deliveries.deliver(messages));
    }

    /** Retries the one delivery waiting in the ledger, at each attempt after the first up to the last. */
    private void retryFromTheLedgerUntilTheLastAttempt() {
        for (int attempt = 2; attempt <= LEDGER_RETRIES.maxAttempts(); attempt++) {
            clock.advance(LEDGER_RETRIES.maxBackOff());
            assertThat(withPersonalDestination.retryDue(10)).isEqualTo(1);
        }
    }

    /** Deliveries over {@code ledger} on {@code channels}, each person using the channels {@code choices} gives. */
    private Deliveries deliveries(ChannelChoices choices, DeliveryLedger ledger, NotificationChannel... channels) {
        return new Deliveries(
                List.of(channels),
                choices,
                DigestQueue.NONE,
                ledger,
                refs,
                proof,
                new DeliveryMetrics(meters),
                clock,
                KAFKA,
                LEDGER_RETRIES);
    }

    private List<NotificationEvent> published() {
        ArgumentCaptor<NotificationEvent> waited = ArgumentCaptor.forClass(NotificationEvent.class);
        verify(proof, org.mockito.Mockito.atLeast(0)).publish(waited.capture());
        ArgumentCaptor<NotificationEvent> sent = ArgumentCaptor.forClass(NotificationEvent.class);
        verify(proof, org.mockito.Mockito.atLeast(0)).publishAsync(sent.capture());
        List<NotificationEvent> all = new ArrayList<>(waited.getAllValues());
        all.addAll(sent.getAllValues());
        return all;
    }

    private Document ledgerRow(DeliveryChannel channel) {
        return ledgerRow(channel, refs.of("noa"));
    }

    private Document ledgerRow(DeliveryChannel channel, String recipientRef) {
        return mongo.getCollection(DeliveryLedger.COLLECTION)
                .find(new Document("channel", channel.name()).append("recipientRef", recipientRef))
                .first();
    }

    private String anonymousNoaRef() {
        return refs.onProof("noa", true, NOA_IDEA);
    }

    private static Message messageToNoa() {
        return messageToNoa(false);
    }

    private static Message anonymousMessageToNoa() {
        return messageToNoa(true);
    }

    private static Message messageToNoa(boolean anonymous) {
        Contact noa = new Contact("noa", null, "noa@suggestionbox.example", Locale.forLanguageTag("he"), anonymous);
        UUID ideaId = NOA_IDEA;
        return new Message(
                UUID.randomUUID(),
                "IdeaDecided",
                ideaId,
                MessageKind.IDEA_DECLINED,
                new Recipient(noa, RecipientRole.SUBMITTER),
                "title",
                List.of("body"),
                "http://router/ideas/" + ideaId,
                java.time.Instant.now());
    }

    /** Each insert and update command sent to the delivery ledger, as its name and how many statements it held. */
    static final class LedgerWrites implements CommandListener {

        final List<String> commands = new CopyOnWriteArrayList<>();

        @Override
        public void commandStarted(CommandStartedEvent event) {
            BsonDocument command = event.getCommand();
            String name = event.getCommandName();
            if (("insert".equals(name) || "update".equals(name))
                    && DeliveryLedger.COLLECTION.equals(command.getString(name).getValue())) {
                int statements = command.containsKey("documents")
                        ? command.getArray("documents").size()
                        : command.containsKey("updates")
                                ? command.getArray("updates").size()
                                : 0;
                commands.add(name + " " + statements);
            }
        }
    }

    /** A channel that fails the next {@code n} sends, naming the address the way SMTP errors do. */
    static final class FlakyChannel implements NotificationChannel {

        private final DeliveryChannel channel;
        private final boolean personal;
        final List<Message> sent = new ArrayList<>();
        int calls;
        private int failuresLeft;
        private boolean refused;

        FlakyChannel(DeliveryChannel channel) {
            this(channel, false);
        }

        FlakyChannel(DeliveryChannel channel, boolean personal) {
            this.channel = channel;
            this.personal = personal;
        }

        void failNext(int failures) {
            failuresLeft = failures;
        }

        void refuseDestination() {
            refused = true;
        }

        @Override
        public DeliveryChannel channel() {
            return channel;
        }

        @Override
        public boolean personalDestination() {
            return personal;
        }

        @Override
        public void send(Message message, String recipientRef) {
            calls++;
            if (refused) {
                throw new ChannelCallException(channel + " destination refused: ADDRESS (PRIVATE)", false, true);
            }
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new IllegalStateException(
                        "550 mailbox unavailable: <" + message.recipient().email() + ">");
            }
            sent.add(message);
        }
    }

    /** A clock the test moves on. */
    static final class MovableClock extends Clock {

        private Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
