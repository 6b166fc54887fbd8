package org.suggestionbox.notifier.message;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * How to reach a person: from the directory, or opened from an anonymous submitter's sealed
 * identity. Lives in memory only; nothing of it is stored.
 *
 * @param name the name to greet with; absent for anonymous submitters
 * @param anonymous whether the person submitted anonymously (their identity must stay unstored)
 */
public record Contact(String personId, @Nullable String name, String email, Locale locale, boolean anonymous) {

    /** No addresses or ids in logs. */
    @Override
    public String toString() {
        return "Contact[locale=" + locale + ", anonymous=" + anonymous + "]";
    }
}
