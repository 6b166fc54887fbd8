package org.suggestionbox.notifier.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.events.RecipientRole;
import org.suggestionbox.notifier.message.Message;
import org.suggestionbox.notifier.proof.NotificationProofPublisher;
import org.suggestionbox.platform.kafka.KafkaEventsProperties;
import org.suggestionbox.platform.kafka.NonRetryableEventException;

/**
 * Delivers messages on the channels each recipient chose (the in-app inbox always), each (event, recipient, channel) at most once: claim the
 * ledger row, send, publish the proof, and once the broker has acknowledged it (or given up waiting) mark the row
 * sent, and published when acknowledged, in one write. A process killed after a send and before that write sends
 * again when the event comes again: the inbox keeps one message (its key is the delivery's), another channel may
 * deliver twice, and the proof goes out again under the same event id.
 * <p>
 * A failing channel does not stop the others: the in-app message arrives even when e-mail is down.
 * After all are tried, a failure with tries left throws {@link DeliveryFailedException} so that the
 * listener's error handler retries the event (what was sent is skipped then). A delivery that failed
 * its last try ({@code suggestionbox.kafka.retries} + 1, counted in the ledger so that a restart does
 * not reset it) is proven failed with {@code NotificationFailed}, and the event goes to the
 * dead-letter topic.
 * <p>
 * Deliveries to destinations people chose ({@link NotificationChannel#personalDestination()}: their own
 * Teams and webhook URLs) are the exception: one that fails is kept in the ledger with its message and
 * retried from there with back-off ({@link #retryDue}), and after its last attempt
 * ({@code suggestionbox.notifier.ledger-retries.max-attempts}) it is proven failed; the event is not
 * failed for it, so one broken URL holds up neither the partition nor anyone else's messages. A URL the
 * destination policy refuses is given up at once.
 * <p>
 * Owners and managers who chose a daily digest get what they hear as such in the inbox at once; the
 * other channels are left out and the message is queued for their digest e-mail instead
 * ({@link DigestQueue}) when they chose e-mail. Submitters and supporters always hear at once.
 * <p>
 * An anonymous submitter's deliveries are proven, delivered or failed, in her inbox only ({@link #proven}): which
 * other channels she chose, a personal webhook or Teams among them, would narrow down who she is for anyone who
 * reads the proofs. Her other channels still deliver; their ledger rows count as published. What is proven is what
 * is counted ({@link DeliveryMetrics}): a counter that stepped on a rare channel the moment an owner decides her idea
 * would tell the owner, who watches the flow dashboard, which channels she uses.
 */
@Service
public class Deliveries {

    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

    private final List<NotificationChannel> channels;
    private final ChannelChoices choices;
    private final DigestQueue digests;
    private final DeliveryLedger ledger;
    private final RecipientRefs refs;
    private final NotificationProofPublisher proof;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final int maxAttempts;
    private final LedgerRetryProperties ledgerRetries;

    Deliveries(
            List<NotificationChannel> channels,
            ChannelChoices choices,
            DigestQueue digests,
            DeliveryLedger ledger,
            RecipientRefs refs,
            NotificationProofPublisher proof,
            DeliveryMetrics metrics,
            Clock clock,
            KafkaEventsProperties kafka,
            LedgerRetryProperties ledgerRetries) {
        this.channels = List.copyOf(channels);
        this.choices = choices;
        this.digests = digests;
        this.ledger = ledger;
        this.refs = refs;
        this.proof = proof;
        this.metrics = metrics;
        this.clock = clock;
        this.maxAttempts = kafka.retries() + 1;
        this.ledgerRetries = ledgerRetries;
    }

    /**
     * Delivers one event's messages.
     *
     * @throws DeliveryFailedException when a delivery failed and has tries left
     * @throws NonRetryableEventException when a delivery failed its last try
     */
    public void deliver(List<Message> messages) {
        RuntimeException failure = deliverAll(List.of(messages)).get(0);
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Delivers the messages of many events together: the ledger rows of all of them are claimed in one
     * bulk write, each channel gets its messages as one batch (the inbox stores them in one bulk insert), the
     * proofs are sent together and awaited together, and the sent rows are marked sent and published in one
     * update (two when the broker did not acknowledge some).
     *
     * @param events each event's messages
     * @return per event, in the same order, what it failed with ({@link DeliveryFailedException} when a
     *         delivery has tries left, {@link NonRetryableEventException} when one failed its last try),
     *         or {@code null} when all its deliveries were made
     */
    public List<@Nullable RuntimeException> deliverAll(List<List<Message>> events) {
        Instant now = clock.instant();
        List<Planned> planned = new ArrayList<>();
        List<DigestEntry> digested = new ArrayList<>();
        Map<String, String> refsByPerson = new HashMap<>();
        // an event redelivered within the same poll plans the same deliveries again: each is made once
        Set<UUID> plannedIds = new HashSet<>();
        for (int event = 0; event < events.size(); event++) {
            for (Message message : events.get(event)) {
                String recipientRef =
                        refsByPerson.computeIfAbsent(message.recipient().personId(), refs::of);
                String proofRef = proofRef(message);
                Set<DeliveryChannel> chosen = choices.chosenBy(recipientRef);
                boolean digest = digested(message, recipientRef);
                for (NotificationChannel channel : channels) {
                    if (!uses(channel, chosen, message, recipientRef)
                            || (digest && channel.channel() != DeliveryChannel.IN_APP)) {
                        continue;
                    }
                    Delivery delivery = Delivery.of(message, proofRef, channel.channel());
                    if (plannedIds.add(delivery.proofEventId())) {
                        planned.add(new Planned(event, message, recipientRef, channel, delivery));
                    }
                }
                if (digest && chosen.contains(DeliveryChannel.EMAIL)) {
                    digested.add(new DigestEntry(message, recipientRef));
                }
            }
        }
        Map<UUID, DeliveryLedger.Claim> claims =
                ledger.claimAll(planned.stream().map(Planned::delivery).toList(), now);
        int[] retryable = new int[events.size()];
        int[] givenUp = new int[events.size()];
        List<Delivery> proofs = new ArrayList<>();
        List<Delivery> withheld = new ArrayList<>();
        List<Planned> sent = new ArrayList<>();
        for (NotificationChannel channel : channels) {
            List<Planned> toSend = new ArrayList<>();
            for (Planned delivery : planned) {
                if (delivery.channel() != channel) {
                    continue;
                }
                DeliveryLedger.Claim claim = claim(claims, delivery.delivery());
                if (claim.alreadySent()) {
                    LOG.debug("{} on {} was sent before; not again", delivery.message(), channel.channel());
                    if (!claim.published()) {
                        (delivery.proven() ? proofs : withheld).add(delivery.delivery());
                    }
                } else {
                    toSend.add(delivery);
                }
            }
            if (toSend.isEmpty()) {
                continue;
            }
            Map<Integer, RuntimeException> failures = channel.sendAll(toSend.stream()
                    .map(delivery -> new NotificationChannel.Addressed(delivery.message(), delivery.recipientRef()))
                    .toList());
            for (int i = 0; i < toSend.size(); i++) {
                Planned delivery = toSend.get(i);
                RuntimeException failure = failures.get(i);
                if (failure == null) {
                    sent.add(delivery);
                    continue;
                }
                switch (failed(delivery, claim(claims, delivery.delivery()).attempts(), failure)) {
                    case RETRY -> retryable[delivery.event()]++;
                    case GIVEN_UP -> givenUp[delivery.event()]++;
                    case LEFT_TO_LEDGER -> {}
                }
            }
        }
        List<Delivery> sentNow = sent.stream().map(Planned::delivery).toList();
        Set<UUID> acknowledged = publish(Stream.concat(
                        proofs.stream(), sent.stream().filter(Planned::proven).map(Planned::delivery))
                .toList());
        sent.stream()
                .filter(delivery -> !delivery.proven())
                .forEach(delivery -> acknowledged.add(delivery.delivery().proofEventId()));
        ledger.markSentAll(sentNow, acknowledged, clock.instant());
        ledger.markPublishedAll(Stream.concat(
                        withheld.stream(),
                        proofs.stream().filter(delivery -> acknowledged.contains(delivery.proofEventId())))
                .toList());
        for (Planned delivery : sent) {
            if (delivery.proven()) {
                metrics.delivered(
                        delivery.delivery().channel(), delivery.message().kind());
            }
            LOG.debug(
                    "{} delivered on {}",
                    delivery.message(),
                    delivery.delivery().channel());
        }
        digested.forEach(entry -> digests.queue(entry.message(), entry.recipientRef()));
        List<@Nullable RuntimeException> outcomes = new ArrayList<>(events.size());
        for (int event = 0; event < events.size(); event++) {
            if (retryable[event] > 0) {
                outcomes.add(new DeliveryFailedException(retryable[event] + " deliveries failed and will be retried"));
            } else if (givenUp[event] > 0) {
                outcomes.add(new NonRetryableEventException(
                        givenUp[event] + " deliveries failed after " + maxAttempts + " attempts"));
            } else {
                outcomes.add(null);
            }
        }
        return outcomes;
    }

    /** One delivery to make: the message of the {@code event}-th event to a recipient on a channel. */
    private record Planned(
            int event, Message message, String recipientRef, NotificationChannel channel, Delivery delivery) {

        boolean proven() {
            return Deliveries.proven(message, channel.channel());
        }
    }

    /** A message kept for its recipient's digest. */
    private record DigestEntry(Message message, String recipientRef) {}

    private static DeliveryLedger.Claim claim(Map<UUID, DeliveryLedger.Claim> claims, Delivery delivery) {
        DeliveryLedger.Claim claim = claims.get(delivery.proofEventId());
        if (claim == null) {
            // the row went away between the bulk write and the read (nobody deletes rows): try it as new
            return new DeliveryLedger.Claim(false, false, 1);
        }
        return claim;
    }

    /**
     * Whether every one of {@code submitterRefs} was delivered {@code sourceEventId}'s message in
     * their in-app inbox: the proof that a decision was answered.
     */
    public boolean deliveredToAllSubmitters(UUID sourceEventId, Collection<String> submitterRefs) {
        Set<String> distinct = Set.copyOf(submitterRefs);
        return distinct.isEmpty()
                || ledger.countSent(sourceEventId, RecipientRole.SUBMITTER, DeliveryChannel.IN_APP, distinct)
                        >= distinct.size();
    }

    /**
     * Owners and managers who chose the digest hear in the inbox now and by e-mail in the next digest;
     * submitters and supporters always hear at once.
     */
    private boolean digested(Message message, String recipientRef) {
        RecipientRole role = message.recipient().role();
        return (role == RecipientRole.OWNER || role == RecipientRole.MANAGER) && choices.digest(recipientRef);
    }

    private static boolean uses(
            NotificationChannel channel, Set<DeliveryChannel> chosen, Message message, String recipientRef) {
        if (channel.channel() == DeliveryChannel.IN_APP) {
            return true;
        }
        return chosen.contains(channel.channel()) && channel.configured() && channel.reaches(message, recipientRef);
    }

    private enum Outcome {
        RETRY,
        GIVEN_UP,
        LEFT_TO_LEDGER
    }

    /**
     * The reference the ledger and the proof events know the recipient by: per idea for an anonymous
     * submitter ({@link RecipientRefs#onProof}).
     */
    public String proofRef(Message message) {
        return refs.onProof(
                message.recipient().personId(), message.recipient().contact().anonymous(), message.ideaId());
    }

    /**
     * Whether the delivery of {@code message} on {@code channel} is proven on {@code notifications.delivered.v1}:
     * always, except an anonymous submitter's on a channel other than the inbox, which everyone has.
     */
    static boolean proven(Message message, DeliveryChannel channel) {
        return channel == DeliveryChannel.IN_APP
                || !message.recipient().contact().anonymous();
    }

    /** Records a failed send: retried by the event, from the ledger, or given up. */
    private Outcome failed(Planned planned, int attempts, RuntimeException ex) {
        Delivery delivery = planned.delivery();
        Message message = planned.message();
        NotificationChannel channel = planned.channel();
        String cause = Failures.describe(ex);
        if (channel.personalDestination()) {
            retryLaterOrGiveUp(delivery, message, planned.recipientRef(), attempts, cause, ex);
            return Outcome.LEFT_TO_LEDGER;
        }
        ledger.markFailed(delivery, cause, clock.instant());
        if (attempts < maxAttempts) {
            LOG.warn(
                    "{} on {} failed (attempt {} of {}): {}", message, channel.channel(), attempts, maxAttempts, cause);
            return Outcome.RETRY;
        }
        LOG.error("{} on {} failed for good after {} attempts: {}", message, channel.channel(), attempts, cause);
        if (planned.proven()) {
            metrics.failed(channel.channel());
            proof.publish(delivery.failed(clock.instant(), attempts, cause));
        }
        return Outcome.GIVEN_UP;
    }

    /**
     * Retries up to {@code batch} deliveries to people's own destinations whose retry is due; each is
     * claimed first, so instances do not retry the same one.
     *
     * @return how many were tried
     */
    int retryDue(int batch) {
        int tried = 0;
        while (tried < batch) {
            var due = ledger.claimDueRetry(clock.instant(), ledgerRetries.lease());
            if (due.isEmpty()) {
                break;
            }
            tried++;
            retry(due.get());
        }
        return tried;
    }

    private void retry(DeliveryLedger.DueRetry due) {
        Delivery delivery = due.delivery();
        Message message = due.message().toMessage(delivery);
        NotificationChannel channel = channels.stream()
                .filter(candidate -> candidate.channel() == delivery.channel())
                .findFirst()
                .orElse(null);
        if (channel == null || !channel.configured()) {
            giveUp(delivery, message, due.attempts(), delivery.channel() + " is not set up any more");
            return;
        }
        String channelRef = due.message().channelRef() != null ? due.message().channelRef() : delivery.recipientRef();
        try {
            channel.send(message, channelRef);
        } catch (RuntimeException ex) {
            retryLaterOrGiveUp(delivery, message, channelRef, due.attempts(), Failures.describe(ex), ex);
            return;
        }
        ledger.markSent(delivery, clock.instant());
        LOG.debug("{} delivered on {} at attempt {}", message, delivery.channel(), due.attempts());
        if (proven(message, delivery.channel())) {
            metrics.delivered(delivery.channel(), delivery.kind());
            prove(delivery);
        } else {
            ledger.markPublished(delivery);
        }
    }

    private void retryLaterOrGiveUp(
            Delivery delivery,
            Message message,
            String channelRef,
            int attempts,
            String cause,
            RuntimeException failure) {
        boolean permanent = failure instanceof ChannelCallException call && call.permanent();
        if (permanent || attempts >= ledgerRetries.maxAttempts()) {
            giveUp(delivery, message, attempts, cause);
            return;
        }
        Instant now = clock.instant();
        Instant retryAt = now.plus(ledgerRetries.backOff(attempts));
        ledger.markFailedForRetry(delivery, cause, now, retryAt, RetryMessage.of(message, channelRef));
        LOG.warn(
                "{} on {} failed (attempt {} of {}), retried from the ledger at {}: {}",
                message,
                delivery.channel(),
                attempts,
                ledgerRetries.maxAttempts(),
                retryAt,
                cause);
    }

    private void giveUp(Delivery delivery, Message message, int attempts, String cause) {
        LOG.error("{} on {} failed for good after {} attempts: {}", message, delivery.channel(), attempts, cause);
        ledger.markGivenUp(delivery, cause, clock.instant());
        if (proven(message, delivery.channel())) {
            metrics.failed(delivery.channel());
            proof.publish(delivery.failed(clock.instant(), attempts, cause));
        }
    }

    /**
     * Publishes the proofs of sent deliveries together and awaits the broker's acknowledgements together (each
     * waits at most {@code publish-timeout}); the sweep publishes those not acknowledged again.
     *
     * @return the proof event ids the broker acknowledged
     */
    private Set<UUID> publish(List<Delivery> deliveries) {
        Instant now = clock.instant();
        List<CompletableFuture<Boolean>> acknowledgements = new ArrayList<>(deliveries.size());
        for (Delivery delivery : deliveries) {
            acknowledgements.add(proof.publishAsync(delivery.delivered(now)));
        }
        Set<UUID> acknowledged = new HashSet<>();
        for (int i = 0; i < deliveries.size(); i++) {
            if (acknowledgements.get(i).join()) {
                acknowledged.add(deliveries.get(i).proofEventId());
            }
        }
        return acknowledged;
    }

    /** Publishes the proof of a sent delivery and waits; if the broker does not acknowledge it, the sweep will. */
    void prove(Delivery delivery) {
        if (proof.publish(delivery.delivered(clock.instant()))) {
            ledger.markPublished(delivery);
        }
    }
}
