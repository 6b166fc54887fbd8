package org.suggestionbox.notifier.preferences;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.suggestionbox.events.DeliveryChannel;
import org.suggestionbox.notifier.delivery.ChannelChoices;
import org.suggestionbox.notifier.delivery.RecipientRefs;

/** Reads and changes people's preferences; tells the deliveries which channels each person chose. */
@Service
public class PreferencesService implements ChannelChoices {

    static final List<String> LANGUAGES = List.of("en", "he", "pl");

    private final PreferenceStore store;
    private final RecipientRefs refs;
    private final Clock clock;

    /** The longest Teams or webhook URL a person may save (issue 12). */
    static final int MAX_URL_LENGTH = 2_000;

    PreferencesService(PreferenceStore store, RecipientRefs refs, Clock clock) {
        this.store = store;
        this.refs = refs;
        this.clock = clock;
    }

    /** By opaque reference: what channels see. */
    public Preferences of(String recipientRef) {
        return store.find(recipientRef).orElseGet(Preferences::defaults);
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

    /** The language the person chose on the preferences page, if they did. */
    public Optional<Locale> chosenLocale(String personId) {
        return store.find(refs.of(personId)).map(Preferences::locale).map(Locale::forLanguageTag);
    }

    /** @throws InvalidPreferencesException naming the field when a URL or language is not acceptable */
    public Preferences update(String personId, Preferences preferences) {
        checkUrl("teamsWebhookUrl", preferences.teamsWebhookUrl());
        checkUrl("webhookUrl", preferences.webhookUrl());
        if (preferences.locale() != null && !LANGUAGES.contains(preferences.locale())) {
            throw new InvalidPreferencesException("locale", "must be one of " + LANGUAGES);
        }
        store.save(refs.of(personId), preferences, clock.instant());
        return preferences;
    }

    private static void checkUrl(String field, @Nullable String url) {
        if (url == null) {
            return;
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new InvalidPreferencesException(field, "must be at most " + MAX_URL_LENGTH + " characters");
        }
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                throw new InvalidPreferencesException(field, "must be an absolute http(s) URL");
            }
        }
        catch (java.net.URISyntaxException ex) {
            throw new InvalidPreferencesException(field, "must be an absolute http(s) URL");
        }
    }

    /** A preference that cannot be stored: which field, and why. */
    public static class InvalidPreferencesException extends RuntimeException {

        private final String field;

        InvalidPreferencesException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
