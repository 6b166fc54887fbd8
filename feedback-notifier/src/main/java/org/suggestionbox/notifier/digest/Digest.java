package org.suggestionbox.notifier.digest;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.suggestionbox.notifier.message.Contact;

/**
 * One person's digest of one day: what they were told since their last digest, oldest first.
 *
 * @param id the same for the same person and day, however often the job runs
 * @param contact how to reach them (in memory only)
 */
public record Digest(UUID id, LocalDate day, Contact contact, List<DigestItem> items) {

    public Digest {
        items = List.copyOf(items);
    }

    public Locale locale() {
        return contact.locale();
    }

    @Override
    public String toString() {
        return "Digest[" + id + " of " + day + ", " + items.size() + " items to " + contact + "]";
    }
}
