package org.suggestionbox.notifier.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
 * ledger row, send, mark it sent, publish the proof, and once the event's proofs are acknowledged mark them
 * published.
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
 * ({@link DigestQueue}) when they chose e-mail. Submitters always hear at once.
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

    public void deliver(List<Message> messages) {
        int retryable = 0;
        int givenUp = 0;
        List<PendingProof> proofs = new ArrayList<>();
        for (Message message : messages) {
            String recipientRef = refs.of(message.recipient().personId());
            String proofRef = proofRef(message);
            Set<DeliveryChannel> chosen = choices.chosenBy(recipientRef);
            boolean digested = digested(message, recipientRef);
            for (NotificationChannel channel : channels) {
                if (!uses(channel, chosen, message, recipientRef)
                        || (digested && channel.channel() != DeliveryChannel.IN_APP)) {
                    continue;
                }
                switch (deliver(message, recipientRef, proofRef, channel, proofs)) {
                    case SENT, SKIPPED, LEFT_TO_LEDGER -> {}
                    case RETRY -> retryable++;
                    case GIVEN_UP -> givenUp++;
                }
            }
            if (digested && chosen.contains(DeliveryChannel.EMAIL)) {
                digests.queue(message, recipientRef);
            }
        }
        awaitProofs(proofs);
        if (retryable > 0) {
            throw new DeliveryFailedException(retryable + " deliveries failed and will be retried");
        }
        if (givenUp > 0) {
            throw new NonRetryableEventException(givenUp + " deliveries failed after " + maxAttempts + " attempts");
        }
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

    /** Owners and managers who chose the digest hear in the inbox now and by e-mail in the next digest. */
    private boolean digested(Message message, String recipientRef) {
        return message.recipient().role() != RecipientRole.SUBMITTER && choices.digest(recipientRef);
    }

    private static boolean uses(
            NotificationChannel channel, Set<DeliveryChannel> chosen, Message message, String recipientRef) {
        if (channel.channel() == DeliveryChannel.IN_APP) {
            return true;
        }
        return chosen.contains(channel.channel()) && channel.configured() && channel.reaches(message, recipientRef);
    }

    private enum Outcome {
        SENT,
        SKIPPED,
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

    private Outcome deliver(
            Message message,
            String recipientRef,
            String proofRef,
            NotificationChannel channel,
            List<PendingProof> proofs) {
        Delivery delivery = Delivery.of(message, proofRef, channel.channel());
        DeliveryLedger.Claim claim = ledger.claim(delivery, clock.instant());
        if (claim.alreadySent()) {
            LOG.debug("{} on {} was sent before; not again", message, channel.channel());
            if (!claim.published()) {
                proofs.add(proveLater(delivery));
            }
            return Outcome.SKIPPED;
        }
        try {
            channel.send(message, recipientRef);
        } catch (RuntimeException ex) {
            String cause = Failures.describe(ex);
            if (channel.personalDestination()) {
                retryLaterOrGiveUp(delivery, message, recipientRef, claim.attempts(), cause, ex);
                return Outcome.LEFT_TO_LEDGER;
            }
            ledger.markFailed(delivery, cause, clock.instant());
            if (claim.attempts() < maxAttempts) {
                LOG.warn(
                        "{} on {} failed (attempt {} of {}): {}",
                        message,
                        channel.channel(),
                        claim.attempts(),
                        maxAttempts,
                        cause);
                return Outcome.RETRY;
            }
            LOG.error(
                    "{} on {} failed for good after {} attempts: {}",
                    message,
                    channel.channel(),
                    claim.attempts(),
                    cause);
            metrics.failed(channel.channel());
            proof.publish(delivery.failed(clock.instant(), claim.attempts(), cause));
            return Outcome.GIVEN_UP;
        }
        ledger.markSent(delivery, clock.instant());
        metrics.delivered(channel.channel(), message.kind());
        LOG.info("{} delivered on {}", message, channel.channel());
        proofs.add(proveLater(delivery));
        return Outcome.SENT;
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
            giveUp(delivery, due.attempts(), delivery.channel() + " is not set up any more");
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
        metrics.delivered(delivery.channel(), delivery.kind());
        LOG.info("{} delivered on {} at attempt {}", message, delivery.channel(), due.attempts());
        prove(delivery);
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
            giveUp(delivery, attempts, cause);
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

    private void giveUp(Delivery delivery, int attempts, String cause) {
        LOG.error(
                "Delivery on {} of {} {} failed for good after {} attempts: {}",
                delivery.channel(),
                delivery.sourceEventType(),
                delivery.sourceEventId(),
                attempts,
                cause);
        ledger.markGivenUp(delivery, cause, clock.instant());
        metrics.failed(delivery.channel());
        proof.publish(delivery.failed(clock.instant(), attempts, cause));
    }

    /** A proof on its way to the broker. */
    private record PendingProof(Delivery delivery, CompletableFuture<Boolean> acknowledged) {}

    private PendingProof proveLater(Delivery delivery) {
        return new PendingProof(delivery, proof.publishAsync(delivery.delivered(clock.instant())));
    }

    /**
     * Marks the proofs the broker acknowledged as published, after all of an event's deliveries: their
     * acknowledgements are awaited together instead of one after the other (each publish waits at most
     * {@code publish-timeout}); the sweep publishes the others again.
     */
    private void awaitProofs(List<PendingProof> proofs) {
        for (PendingProof pending : proofs) {
            if (pending.acknowledged().join()) {
                ledger.markPublished(pending.delivery());
            }
        }
    }

    /** Publishes the proof of a sent delivery and waits; if the broker does not acknowledge it, the sweep will. */
    void prove(Delivery delivery) {
        if (proof.publish(delivery.delivered(clock.instant()))) {
            ledger.markPublished(delivery);
        }
    }
}
