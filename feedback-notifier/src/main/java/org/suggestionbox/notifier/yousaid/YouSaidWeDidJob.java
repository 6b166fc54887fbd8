package org.suggestionbox.notifier.yousaid;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.notifier.config.NotifierProperties;
import org.suggestionbox.notifier.delivery.NotificationChannel;
import org.suggestionbox.notifier.delivery.RecipientRefs;
import org.suggestionbox.notifier.message.Contact;
import org.suggestionbox.notifier.message.ImpactWords;
import org.suggestionbox.notifier.message.Message;
import org.suggestionbox.notifier.message.Recipients;
import org.suggestionbox.notifier.message.Texts;
import org.suggestionbox.notifier.preferences.PreferencesService;
import org.suggestionbox.platform.directory.Directory;
import org.suggestionbox.platform.directory.Person;
import org.suggestionbox.platform.web.PlatformLinks;

/**
 * Sends last month's "You said, we did" to everyone in the directory who did not opt out
 * ({@code suggestionbox.notifier.you-said-we-did.cron}, by default 08:00 on the 1st, 2nd and 3rd of each
 * month in {@code suggestionbox.notifier.time-zone}; one instance of the cluster at a time, ShedLock on
 * MongoDB). The later runs only retry what failed: each person gets a month's digest once per channel
 * ({@link MonthlySends}), by e-mail and also by Slack or Teams where they chose those and the channel
 * reaches them. A month in which no idea colleagues may see was implemented sends nothing.
 * Metric: {@code notifications.you-said-we-did.sent} by channel.
 */
@Component
public class YouSaidWeDidJob {

    private static final Logger LOG = LoggerFactory.getLogger(YouSaidWeDidJob.class);

    /** The channels the digest goes out on; e-mail whatever the person chose for messages about their ideas. */
    private static final Set<DeliveryChannel> CHAT = Set.of(DeliveryChannel.SLACK, DeliveryChannel.TEAMS);

    private final ImplementedIdeas ideas;
    private final MonthlySends sends;
    private final Directory directory;
    private final Recipients recipients;
    private final RecipientRefs refs;
    private final PreferencesService preferences;
    private final Map<DeliveryChannel, NotificationChannel> channels = new EnumMap<>(DeliveryChannel.class);
    private final MonthlyDigestWriter writer;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<DeliveryChannel, Counter> sent = new EnumMap<>(DeliveryChannel.class);

    YouSaidWeDidJob(
            ImplementedIdeas ideas,
            MonthlySends sends,
            Directory directory,
            Recipients recipients,
            RecipientRefs refs,
            PreferencesService preferences,
            List<NotificationChannel> channels,
            Texts texts,
            ImpactWords impacts,
            PlatformLinks links,
            Clock clock,
            NotifierProperties properties,
            MeterRegistry meters) {
        this.ideas = ideas;
        this.sends = sends;
        this.directory = directory;
        this.recipients = recipients;
        this.refs = refs;
        this.preferences = preferences;
        for (NotificationChannel channel : channels) {
            if (channel.channel() == DeliveryChannel.EMAIL || CHAT.contains(channel.channel())) {
                this.channels.put(channel.channel(), channel);
                this.sent.put(
                        channel.channel(),
                        Counter.builder("notifications.you-said-we-did.sent")
                                .description("Monthly \"You said, we did\" digests sent")
                                .tag("channel", channel.channel().name())
                                .register(meters));
            }
        }
        this.writer = new MonthlyDigestWriter(texts, impacts, links.router());
        this.clock = clock;
        this.zone = properties.timeZone();
    }

    @Scheduled(
            cron = "${suggestionbox.notifier.you-said-we-did.cron:0 0 8 1-3 * *}",
            zone = "${suggestionbox.notifier.time-zone:UTC}")
    @SchedulerLock(name = "you-said-we-did-job")
    public void sendLastMonth() {
        send(YearMonth.now(clock.withZone(zone)).minusMonths(1));
    }

    /** Sends the digests of {@code month} not sent yet; returns how many were sent (one per person and channel). */
    public int send(YearMonth month) {
        List<ImplementedIdea> implemented = ideas.implementedIn(month, zone);
        if (implemented.isEmpty()) {
            LOG.info("No idea colleagues may see was implemented in {}; no \"You said, we did\" digest", month);
            return 0;
        }
        int count = 0;
        for (Person person : directory.all()) {
            try {
                count += send(person.id(), month, implemented);
            } catch (RuntimeException ex) {
                LOG.warn(
                        "The \"You said, we did\" digest of {} for a person could not be written: {}",
                        month,
                        ex.toString());
            }
        }
        LOG.info("{} \"You said, we did\" digests of {} sent ({} ideas)", count, month, implemented.size());
        return count;
    }

    private int send(String personId, YearMonth month, List<ImplementedIdea> implemented) {
        String recipientRef = refs.of(personId);
        if (!preferences.monthlyDigest(recipientRef)) {
            return 0;
        }
        Optional<Contact> contact = recipients.person(personId);
        if (contact.isEmpty()) {
            return 0;
        }
        Message message = writer.write(month, contact.get(), implemented, zone);
        Set<DeliveryChannel> chosen = preferences.chosenBy(recipientRef);
        int count = 0;
        for (NotificationChannel channel : channels.values()) {
            DeliveryChannel which = channel.channel();
            boolean wanted = which == DeliveryChannel.EMAIL || chosen.contains(which);
            if (!wanted || !channel.configured() || !channel.reaches(message, recipientRef)) {
                continue;
            }
            if (!sends.claim(recipientRef, month, which, clock.instant())) {
                continue;
            }
            try {
                channel.send(message, recipientRef);
            } catch (RuntimeException ex) {
                sends.release(recipientRef, month, which);
                LOG.warn(
                        "The \"You said, we did\" digest of {} on {} failed; the next run tries again: {}",
                        month,
                        which,
                        ex.toString());
                continue;
            }
            sends.sent(recipientRef, month, which, clock.instant());
            Counter counter = sent.get(which);
            if (counter != null) {
                counter.increment();
            }
            count++;
        }
        return count;
    }
}
