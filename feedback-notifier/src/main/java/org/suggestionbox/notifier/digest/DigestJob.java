package org.suggestionbox.notifier.digest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.EventIds;
import org.suggestionbox.notifier.config.NotifierProperties;
import org.suggestionbox.notifier.delivery.RecipientRefs;
import org.suggestionbox.notifier.message.Contact;
import org.suggestionbox.notifier.message.Recipients;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.directory.Person;

/**
 * Sends each person with waiting items one digest e-mail a day ({@code suggestionbox.notifier.digest.cron},
 * by default 07:00 in {@code suggestionbox.notifier.time-zone}; one instance of the cluster at a
 * time, ShedLock on MongoDB).
 * <p>
 * A digest's id is derived from the person's reference and the day: once it is recorded sent, a
 * rerun of that day sends nothing (items queued after it wait for the next day). A run that fails
 * before the digest is recorded leaves its items waiting; the next run takes them again.
 * Metric: {@code notifications.digests.sent}.
 */
@Component
public class DigestJob {

    private static final Logger LOG = LoggerFactory.getLogger(DigestJob.class);

    private final DigestStore store;
    private final DigestMailer mailer;
    private final Directory directory;
    private final Recipients recipients;
    private final RecipientRefs refs;
    private final Clock clock;
    private final NotifierProperties properties;
    private final Counter sent;

    DigestJob(
            DigestStore store,
            DigestMailer mailer,
            Directory directory,
            Recipients recipients,
            RecipientRefs refs,
            Clock clock,
            NotifierProperties properties,
            MeterRegistry meters) {
        this.store = store;
        this.mailer = mailer;
        this.directory = directory;
        this.recipients = recipients;
        this.refs = refs;
        this.clock = clock;
        this.properties = properties;
        this.sent = Counter.builder("notifications.digests.sent")
                .description("Daily digest e-mails sent")
                .register(meters);
    }

    @Scheduled(
            cron = "${suggestionbox.notifier.digest.cron:0 0 7 * * *}",
            zone = "${suggestionbox.notifier.time-zone:UTC}")
    @SchedulerLock(name = "digest-job")
    public void sendToday() {
        send(LocalDate.now(clock.withZone(properties.timeZone())));
    }

    /** Sends the digests of {@code day}; returns how many were sent in this run. */
    public int send(LocalDate day) {
        List<String> waiting = store.pendingRecipients();
        if (waiting.isEmpty()) {
            return 0;
        }
        Map<String, String> personIdsByRef = new HashMap<>();
        for (Person person : directory.all()) {
            personIdsByRef.put(refs.of(person.id()), person.id());
        }
        int count = 0;
        for (String recipientRef : waiting) {
            try {
                if (send(recipientRef, day, personIdsByRef)) {
                    count++;
                }
            } catch (RuntimeException ex) {
                LOG.warn(
                        "The digest of {} for a recipient could not be sent; its items wait for the next run: {}",
                        day,
                        ex.toString());
            }
        }
        LOG.info("{} digests of {} sent", count, day);
        return count;
    }

    private boolean send(String recipientRef, LocalDate day, Map<String, String> personIdsByRef) {
        UUID digestId = EventIds.derive("digest", recipientRef, day.toString());
        if (store.digestSent(digestId)) {
            store.markItemsSent(digestId, clock.instant());
            return false;
        }
        Optional<Contact> contact =
                Optional.ofNullable(personIdsByRef.get(recipientRef)).flatMap(recipients::person);
        if (contact.isEmpty()) {
            LOG.warn(
                    "A recipient with waiting digest items is no longer in the directory; digest {} not sent",
                    digestId);
            return false;
        }
        store.claim(recipientRef, digestId);
        List<DigestItem> items = store.claimed(digestId);
        if (items.isEmpty()) {
            return false;
        }
        Digest digest = new Digest(digestId, day, contact.get(), items);
        mailer.send(digest);
        store.markSent(digestId, recipientRef, day, items.size(), clock.instant());
        sent.increment();
        LOG.info("{} sent", digest);
        return true;
    }
}
