package org.suggestionbox.notifier.message;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How to reach a person: from the directory, or opened from an anonymous submitter's sealed
 * identity. Lives in memory only; nothing of it is stored.
 *
 * @param name the name to greet with; absent for anonymous submitters
 * @param anonymous whether the person submitted anonymously (their identity must stay unstored)
 * @param slackId the person's Slack member id, where they have one
 * @param trackingToken for an anonymous submitter, the token of the idea's private tracking link, opened
 *        from the sealed identity; every message to them carries the link
 */
public record Contact(
        String personId,
        @Nullable String name,
        String email,
        Locale locale,
        boolean anonymous,
        @Nullable String slackId,
        @Nullable String trackingToken) {

    public Contact(
            String personId,
            @Nullable String name,
            String email,
            Locale locale,
            boolean anonymous,
            @Nullable String slackId) {
        this(personId, name, email, locale, anonymous, slackId, null);
    }

    public Contact(String personId, @Nullable String name, String email, Locale locale, boolean anonymous) {
        this(personId, name, email, locale, anonymous, null, null);
    }

    /** The same person, spoken to in another language. */
    public Contact withLocale(Locale other) {
        return new Contact(personId, name, email, other, anonymous, slackId, trackingToken);
    }

    /**
     * No addresses or ids in logs; for an anonymous submitter not her language either, which in a company of few
     * speakers of it would narrow down who she is (her events name it only where her department is large enough).
     */
    @Override
    public String toString() {
        return anonymous ? "Contact[anonymous]" : "Contact[locale=" + locale + "]";
    }
}
