package org.suggestionbox.notifier.preferences;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.notifier.delivery.ChannelChoices;
import org.suggestionbox.notifier.delivery.RecipientRefs;
import org.suggestionbox.notifier.message.Recognition;
import org.suggestionbox.platform.outbound.DestinationRefusedException;
import org.suggestionbox.platform.outbound.OutboundPolicy;

/**
 * Reads and changes people's preferences; tells the deliveries which channels each person chose and the
 * messages whose manager hears the thanks for their implemented idea.
 */
@Service
public class PreferencesService implements ChannelChoices, Recognition {

    static final List<String> LANGUAGES = List.of("en", "he", "pl");

    private final PreferenceStore store;
    private final RecipientRefs refs;
    private final Clock clock;
    private final OutboundPolicy outbound;

    /** The longest Teams or webhook URL a person may save (issue 12). */
    static final int MAX_URL_LENGTH = 2_000;

    PreferencesService(PreferenceStore store, RecipientRefs refs, Clock clock, OutboundPolicy outbound) {
        this.store = store;
        this.refs = refs;
        this.clock = clock;
        this.outbound = outbound;
    }

    /** By opaque reference: what channels see. */
    public Preferences of(String recipientRef) {
        return find(recipientRef).orElseGet(Preferences::defaults);
    }

    /** The preferences read during {@link #remembering} on this thread, by reference. */
    private final ThreadLocal<@Nullable Map<String, Optional<Preferences>>> remembered = new ThreadLocal<>();

    @Override
    public <T> T remembering(Supplier<T> work) {
        if (remembered.get() != null) {
            return work.get();
        }
        remembered.set(new HashMap<>());
        try {
            return work.get();
        } finally {
            remembered.remove();
        }
    }

    @Override
    public void readAhead(Collection<String> recipientRefs) {
        Map<String, Optional<Preferences>> known = remembered.get();
        if (known == null) {
            return;
        }
        List<String> unknown = recipientRefs.stream()
                .filter(ref -> !known.containsKey(ref))
                .distinct()
                .toList();
        if (unknown.isEmpty()) {
            return;
        }
        Map<String, Preferences> stored = store.findAll(unknown);
        unknown.forEach(ref -> known.put(ref, Optional.ofNullable(stored.get(ref))));
    }

    private Optional<Preferences> find(String recipientRef) {
        Map<String, Optional<Preferences>> known = remembered.get();
        if (known == null) {
            return store.find(recipientRef);
        }
        Optional<Preferences> preferences = known.get(recipientRef);
        if (preferences == null) {
            preferences = store.find(recipientRef);
            known.put(recipientRef, preferences);
        }
        return preferences;
    }

    public Preferences ofPerson(String personId) {
        return of(refs.of(personId));
    }

    @Override
    public Set<DeliveryChannel> chosenBy(String recipientRef) {
        return of(recipientRef).channels();
    }

    @Override
    public boolean digest(String recipientRef) {
        return of(recipientRef).digest();
    }

    @Override
    public boolean managerHearsThanks(String personId) {
        return of(refs.of(personId)).managerHearsThanks();
    }

    /** Whether the person (by opaque reference) receives the monthly "You said, we did" digest. */
    public boolean monthlyDigest(String recipientRef) {
        return of(recipientRef).monthlyDigest();
    }

    /** The language the person chose on the preferences page, if they did. */
    public Optional<Locale> chosenLocale(String personId) {
        return find(refs.of(personId)).map(Preferences::locale).map(Locale::forLanguageTag);
    }

    /**
     * Stores what the person chose. Their own Teams and webhook URLs must pass the outbound destination
     * policy as written (https outside {@code local}, the channel's allowed hosts, never {@code localhost}
     * or a loopback, private, link-local or other inside address, however it is spelled); the policy
     * checks them again, resolved, before every call.
     *
     * @throws InvalidPreferencesException naming the field when a URL or language is not acceptable
     */
    public Preferences update(String personId, Preferences preferences) {
        checkUrl("teamsWebhookUrl", OutboundPolicy.TEAMS, preferences.teamsWebhookUrl());
        checkUrl("webhookUrl", OutboundPolicy.WEBHOOK, preferences.webhookUrl());
        if (preferences.locale() != null && !LANGUAGES.contains(preferences.locale())) {
            throw new InvalidPreferencesException("locale", "must be one of " + LANGUAGES);
        }
        store.save(refs.of(personId), preferences, clock.instant());
        return preferences;
    }

    private void checkUrl(String field, String channel, @Nullable String url) {
        if (url == null) {
            return;
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new InvalidPreferencesException(field, "must be at most " + MAX_URL_LENGTH + " characters");
        }
        try {
            outbound.checkSaved(channel, url);
        } catch (DestinationRefusedException refused) {
            throw new InvalidPreferencesException(field, describe(refused), refused.messageKey());
        }
    }

    private static String describe(DestinationRefusedException refused) {
        return switch (refused.reason()) {
            case INVALID -> "must be an absolute http(s) URL";
            case SCHEME -> "must be an https URL";
            case HOST_NOT_ALLOWED -> "must point to a host allowed for this channel";
            case LOCAL_NAME, ADDRESS -> "must not point to a local or internal network address";
            case UNRESOLVED -> "must name a host that exists";
        };
    }

    /** A preference that cannot be stored: which field, and why. */
    public static class InvalidPreferencesException extends RuntimeException {

        private final String field;
        private final @Nullable String messageKey;

        InvalidPreferencesException(String field, String message) {
            this(field, message, null);
        }

        InvalidPreferencesException(String field, String message, @Nullable String messageKey) {
            super(message);
            this.field = field;
            this.messageKey = messageKey;
        }

        public String field() {
            return field;
        }

        /** The key of a text for people that says what is wrong ({0} is the field's label), if there is one. */
        public @Nullable String messageKey() {
            return messageKey;
        }
    }
}
